package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates, updates and deletes the HTTPRoute of a VaskApp by name. Not a workflow dependent: the
 * Gateway API may be missing, and a dependent's informer would fail to start without its CRD.
 * Whether the cluster serves HTTPRoute is asked through API discovery (no RBAC needed) at most once
 * per {@link #DISCOVERY_TTL}, so a fleet of apps costs one discovery request per interval.
 */
public final class HttpRoutes {
  static final Duration DISCOVERY_TTL = Duration.ofSeconds(60);

  /** What became of the route of one app. */
  public enum Outcome {
    NOT_REQUESTED,
    APPLIED,
    API_MISSING,
    CONFLICT
  }

  private final Clock clock;
  private volatile Instant checkedAt = Instant.MIN;
  private volatile boolean served;

  public HttpRoutes(Clock clock) {
    this.clock = clock;
  }

  /** Brings the app's route in line with its spec; writes nothing when it already matches. */
  public Outcome reconcile(KubernetesClient client, VaskApp app) {
    boolean requested = app.getSpec().httpRoute != null;
    if (!served(client)) {
      return requested ? Outcome.API_MISSING : Outcome.NOT_REQUESTED;
    }
    Resource<GenericKubernetesResource> named = route(client, app);
    GenericKubernetesResource live = named.get();
    if (live != null && !isOwnedBy(live, app)) {
      return requested ? Outcome.CONFLICT : Outcome.NOT_REQUESTED;
    }
    if (!requested) {
      if (live != null) {
        named.delete();
      }
      return Outcome.NOT_REQUESTED;
    }
    apply(client, live, OwnerReferences.owned(app, GatewayHttpRoute.of(app)));
    return Outcome.APPLIED;
  }

  /** Creates the route, or updates it when it differs; others' labels and annotations stay. */
  private static void apply(
      KubernetesClient client, GenericKubernetesResource live, GenericKubernetesResource desired) {
    if (live == null) {
      client.resource(desired).create();
    } else if (!matches(live, desired)) {
      client
          .resource(
              new GenericKubernetesResourceBuilder(live)
                  .editMetadata()
                  .addToAnnotations(orEmpty(desired.getMetadata().getAnnotations()))
                  .addToLabels(desired.getMetadata().getLabels())
                  .endMetadata()
                  .withAdditionalProperties(Map.of("spec", GatewayHttpRoute.spec(desired)))
                  .build())
          .update();
    }
  }

  private boolean served(KubernetesClient client) {
    Instant now = clock.instant();
    if (checkedAt.plus(DISCOVERY_TTL).isBefore(now)) {
      served = client.supports(GatewayHttpRoute.API_VERSION, GatewayHttpRoute.KIND);
      checkedAt = now;
    }
    return served;
  }

  private static Resource<GenericKubernetesResource> route(KubernetesClient client, VaskApp app) {
    return client
        .genericKubernetesResources(GatewayHttpRoute.API_VERSION, GatewayHttpRoute.KIND)
        .inNamespace(app.getMetadata().getNamespace())
        .withName(Names.gateway(app));
  }

  private static boolean isOwnedBy(GenericKubernetesResource route, VaskApp app) {
    var labels = route.getMetadata().getLabels();
    return labels != null
        && Labels.OPERATOR_NAME.equals(labels.get(Labels.MANAGED_BY))
        && route.getMetadata().getOwnerReferences().stream()
            .anyMatch(ref -> Objects.equals(ref.getUid(), app.getMetadata().getUid()));
  }

  /** The server adds defaults (group, kind, weight): what we render must be contained. */
  private static boolean matches(
      GenericKubernetesResource live, GenericKubernetesResource desired) {
    return contains(GatewayHttpRoute.spec(live), GatewayHttpRoute.spec(desired))
        && orEmpty(live.getMetadata().getAnnotations())
            .entrySet()
            .containsAll(orEmpty(desired.getMetadata().getAnnotations()).entrySet())
        && orEmpty(live.getMetadata().getLabels())
            .entrySet()
            .containsAll(desired.getMetadata().getLabels().entrySet());
  }

  static boolean contains(Object live, Object desired) {
    if (desired instanceof Map<?, ?> want) {
      return live instanceof Map<?, ?> have
          && want.entrySet().stream().allMatch(e -> contains(have.get(e.getKey()), e.getValue()));
    }
    if (desired instanceof List<?> want) {
      if (!(live instanceof List<?> have) || have.size() != want.size()) {
        return false;
      }
      for (int i = 0; i < want.size(); i++) {
        if (!contains(have.get(i), want.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (desired instanceof Number want && live instanceof Number have) {
      return want.longValue() == have.longValue();
    }
    return Objects.equals(live, desired);
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
