package io.vask.operator.plan;

import io.vask.operator.model.Endpoints;
import io.vask.operator.model.GatewaySpec;
import io.vask.operator.model.NatsSpec;
import io.vask.operator.model.ScalingSpec;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppSpec;
import java.util.Optional;

/** Builds the plan of a valid VaskApp: its spec, the operator defaults and its credentials. */
public final class GatewayPlanner {
  public static final int HTTP_PORT = 6001;

  private final OperatorDefaults defaults;

  public GatewayPlanner(OperatorDefaults defaults) {
    this.defaults = defaults;
  }

  /**
   * The NATS the app's gateways use: its own {@code spec.nats.url}, else the operator's default.
   */
  public Optional<String> natsUrl(VaskApp app) {
    VaskAppSpec spec = app.getSpec();
    return spec.nats != null && spec.nats.url != null
        ? Optional.of(spec.nats.url)
        : defaults.natsUrl();
  }

  /**
   * Where the app's cluster state lives: its NATS URL and the identity it signs in with (apps in
   * different NATS accounts do not share state); empty without NATS.
   */
  public Optional<String> natsTarget(VaskApp app) {
    String identity = app.getSpec().nats == null ? "" : app.getSpec().nats.accessIdentity();
    return natsUrl(app).map(url -> url + identity);
  }

  public GatewayPlan plan(VaskApp app, Credentials credentials, WebhookHeaderValues headers) {
    VaskAppSpec spec = app.getSpec();
    GatewaySpec gateway = spec.gateway == null ? new GatewaySpec() : spec.gateway;
    String image = gateway.image != null ? gateway.image : defaults.gatewayImage();
    Optional<String> natsUrl = natsUrl(app);
    Optional<NatsSpec> natsAccess =
        Optional.ofNullable(spec.nats).filter(n -> !n.accessIdentity().isEmpty());
    int drainSeconds =
        gateway.drainSeconds != null ? gateway.drainSeconds : GatewaySpec.DEFAULT_DRAIN_SECONDS;
    return new GatewayPlan(
        credentials,
        new GatewayPlan.Container(image, gateway.resources, drainSeconds),
        new GatewayPlan.Nats(natsUrl, natsAccess),
        PodOptions.of(gateway),
        scaling(spec.scaling),
        AppsFileRenderer.render(spec, credentials, headers),
        RestartHash.of(image, natsTarget(app), gateway.resources),
        endpoints(app, credentials));
  }

  static Scaling scaling(ScalingSpec spec) {
    if (spec == null) {
      return new Scaling.Fixed(1);
    }
    if (spec.autoscales()) {
      int min = spec.minReplicas != null ? spec.minReplicas : 1;
      return new Scaling.Autoscaled(
          min, spec.maxReplicas, spec.targetCPUUtilization, spec.targetConnectionsPerPod);
    }
    return new Scaling.Fixed(spec.replicas != null ? spec.replicas : 1);
  }

  /** Through the Ingress when there is one, otherwise the in-cluster Service address. */
  static Endpoints endpoints(VaskApp app, Credentials credentials) {
    var ingress = app.getSpec().ingress;
    if (ingress != null) {
      boolean tls = ingress.tlsSecretName != null;
      String host = ingress.host;
      return new Endpoints(
          (tls ? "wss://" : "ws://") + host + "/app/" + credentials.key(),
          (tls ? "https://" : "http://") + host);
    }
    String service = serviceAddress(app);
    return new Endpoints("ws://" + service + "/app/" + credentials.key(), "http://" + service);
  }

  /** The gateway's HTTP base URL inside the cluster: its Service's DNS name and port. */
  public static String serviceUrl(VaskApp app) {
    return "http://" + serviceAddress(app);
  }

  private static String serviceAddress(VaskApp app) {
    return Names.gateway(app) + "." + app.getMetadata().getNamespace() + ".svc:" + HTTP_PORT;
  }
}
