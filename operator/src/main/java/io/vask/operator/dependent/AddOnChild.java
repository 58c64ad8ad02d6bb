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
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Creates, updates and deletes one child of a VaskApp whose kind an add-on provides — the Gateway
 * API's HTTPRoute, the Prometheus Operator's PodMonitor — by name. Not a workflow dependent: the
 * add-on may be missing, and a dependent's informer would fail to start without its CRD. Whether
 * the cluster serves the kind is asked through API discovery (no RBAC needed) at most once per
 * {@link #DISCOVERY_TTL}, so a fleet of apps costs one discovery request per interval and kind.
 */
public final class AddOnChild {
  static final Duration DISCOVERY_TTL = Duration.ofSeconds(60);

  /** What became of the child of one app. */
  public enum Outcome {
    NOT_REQUESTED,
    APPLIED,
    API_MISSING,
    CONFLICT
  }

  private final Clock clock;
  private final String apiVersion;
  private final String kind;
  private final Predicate<VaskApp> requested;
  private final Function<VaskApp, GenericKubernetesResource> render;
  private volatile Instant checkedAt = Instant.MIN;
  private volatile boolean served;

  private AddOnChild(
      Clock clock,
      String apiVersion,
      String kind,
      Predicate<VaskApp> requested,
      Function<VaskApp, GenericKubernetesResource> render) {
    this.clock = clock;
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.requested = requested;
    this.render = render;
  }

  /** {@code spec.httpRoute}: the HTTPRoute {@code <name>-gateway}. */
  public static AddOnChild httpRoute(Clock clock) {
    return new AddOnChild(
        clock,
        GatewayHttpRoute.API_VERSION,
        GatewayHttpRoute.KIND,
        app -> app.getSpec().httpRoute != null,
        GatewayHttpRoute::of);
  }

  /** {@code spec.monitoring.podMonitor}: the PodMonitor {@code <name>-gateway}. */
  public static AddOnChild podMonitor(Clock clock) {
    return new AddOnChild(
        clock,
        GatewayPodMonitor.API_VERSION,
        GatewayPodMonitor.KIND,
        app -> app.getSpec().monitored(),
        GatewayPodMonitor::of);
  }

  public String kind() {
    return kind;
  }

  /** Brings the app's child in line with its spec; writes nothing when it already matches. */
  public Outcome reconcile(KubernetesClient client, VaskApp app) {
    boolean requested = this.requested.test(app);
    if (!served(client)) {
      return requested ? Outcome.API_MISSING : Outcome.NOT_REQUESTED;
    }
    Resource<GenericKubernetesResource> named = named(client, app);
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
    apply(client, live, OwnerReferences.owned(app, render.apply(app)));
    return Outcome.APPLIED;
  }

  /** Creates the child, or updates it when it differs; others' labels and annotations stay. */
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
                  .withAdditionalProperties(Map.of("spec", spec(desired)))
                  .build())
          .update();
    }
  }

  private boolean served(KubernetesClient client) {
    Instant now = clock.instant();
    if (checkedAt.plus(DISCOVERY_TTL).isBefore(now)) {
      served = client.supports(apiVersion, kind);
      checkedAt = now;
    }
    return served;
  }

  private Resource<GenericKubernetesResource> named(KubernetesClient client, VaskApp app) {
    return client
        .genericKubernetesResources(apiVersion, kind)
        .inNamespace(app.getMetadata().getNamespace())
        .withName(Names.gateway(app));
  }

  private static boolean isOwnedBy(GenericKubernetesResource child, VaskApp app) {
    var labels = child.getMetadata().getLabels();
    return labels != null
        && Labels.OPERATOR_NAME.equals(labels.get(Labels.MANAGED_BY))
        && child.getMetadata().getOwnerReferences().stream()
            .anyMatch(ref -> Objects.equals(ref.getUid(), app.getMetadata().getUid()));
  }

  /** The server adds defaults (group, kind, weight): what we render must be contained. */
  private static boolean matches(
      GenericKubernetesResource live, GenericKubernetesResource desired) {
    return contains(spec(live), spec(desired))
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

  /** The rendered spec, to compare with a live child without the server's defaults. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> spec(GenericKubernetesResource child) {
    Object spec = child.getAdditionalProperties().get("spec");
    return spec instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
