package io.vask.operator.reconcile;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vask.operator.model.VaskApp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link AppEvents.Event}s as core/v1 Events on the VaskApp, where {@code kubectl describe
 * vaskapp} shows them. Best effort: an Event that cannot be written is logged, never retried, and
 * never fails the reconcile.
 */
final class EventRecorder {
  static final String COMPONENT = "vask-operator";
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final Clock clock;
  private final AtomicLong lastStamp = new AtomicLong();

  EventRecorder(Clock clock) {
    this.clock = clock;
  }

  void record(KubernetesClient client, VaskApp app, AppEvents.Event event) {
    String namespace = app.getMetadata().getNamespace();
    Instant now = Instant.now(clock);
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    var kubeEvent =
        new EventBuilder()
            .withNewMetadata()
            // As client-go names them: unique per object and instant.
            .withName(app.getMetadata().getName() + "." + Long.toHexString(stamp(now)))
            .withNamespace(namespace)
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(HasMetadata.getApiVersion(VaskApp.class))
            .withKind(HasMetadata.getKind(VaskApp.class))
            .withName(app.getMetadata().getName())
            .withNamespace(namespace)
            .withUid(app.getMetadata().getUid())
            .withResourceVersion(app.getMetadata().getResourceVersion())
            .endInvolvedObject()
            .withType(event.type())
            .withReason(event.reason())
            .withMessage(event.message())
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withFirstTimestamp(time)
            .withLastTimestamp(time)
            .withCount(1)
            .build();
    try {
      client.v1().events().inNamespace(namespace).resource(kubeEvent).create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "could not record event {} on VaskApp {}/{}: {}",
          event.reason(),
          namespace,
          app.getMetadata().getName(),
          e.getMessage());
    }
  }

  /** Nanoseconds of the instant, strictly increasing so two Events never share a name. */
  private long stamp(Instant instant) {
    long nanos = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    return lastStamp.accumulateAndGet(nanos, (last, next) -> Math.max(last + 1, next));
  }
}
