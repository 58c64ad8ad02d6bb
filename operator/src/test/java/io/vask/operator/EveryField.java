package io.vask.operator;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.vask.operator.model.FeaturesSpec;
import io.vask.operator.model.GatewaySpec;
import io.vask.operator.model.HttpRouteSpec;
import io.vask.operator.model.IngressSpec;
import io.vask.operator.model.LimitsSpec;
import io.vask.operator.model.MonitoringSpec;
import io.vask.operator.model.NatsSpec;
import io.vask.operator.model.ScalingSpec;
import io.vask.operator.model.ServiceSpec;
import io.vask.operator.model.TimingsSpec;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.WebhookEvent;
import io.vask.operator.model.WebhookHeadersFrom;
import io.vask.operator.model.WebhookSpec;
import java.util.List;
import java.util.Map;

/**
 * A VaskApp with every field set to a value that differs from its default, so a test can tell that
 * each one arrived. Webhook headers come partly from Secret {@value #HEADER_SECRET}.
 */
public final class EveryField {
  public static final String HEADER_SECRET = "hook-auth";

  private EveryField() {}

  public static VaskApp app(String name, String namespace) {
    VaskApp app = VaskApps.named(name, namespace);
    var spec = app.getSpec();
    spec.enabled = false;
    spec.features = new FeaturesSpec();
    spec.features.clientEvents = true;
    spec.features.userAuthentication = true;
    spec.features.subscriptionCount = true;
    spec.features.watchlistEvents = false;
    spec.features.batchWebhooks = true;
    spec.limits = new LimitsSpec();
    spec.limits.maxConnections = 500;
    spec.limits.maxMessageBytes = 2048;
    spec.limits.clientEventsPerSecond = 5;
    spec.limits.maxPresenceMembers = 50;
    spec.limits.maxChannelsPerTrigger = 20;
    spec.limits.maxEventsPerBatch = 7;
    spec.limits.apiRequestsPerSecond = 250;
    spec.limits.allowedOrigins = List.of("https://app.example.com", "*.example.org");
    spec.timings = new TimingsSpec();
    spec.timings.cacheTtlSeconds = 600;
    spec.timings.activityTimeoutSeconds = 45;
    var hook =
        new WebhookSpec(
            "https://hooks.example/vask",
            List.of(WebhookEvent.CHANNEL_OCCUPIED, WebhookEvent.CLIENT_EVENT));
    hook.channelPrefix = "presence-";
    hook.headers = Map.of("X-Env", "prod");
    hook.headersFrom = new WebhookHeadersFrom(HEADER_SECRET);
    spec.webhooks = List.of(hook);
    spec.scaling = ScalingSpec.fixed(3);
    spec.nats = new NatsSpec("nats://nats.example:4222");
    spec.gateway = gateway();
    spec.ingress = new IngressSpec();
    spec.ingress.host = "ws.example.com";
    spec.ingress.className = "nginx";
    spec.ingress.tlsSecretName = "ws-tls";
    spec.ingress.annotations = Map.of("cert-manager.io/cluster-issuer", "letsencrypt");
    spec.service = new ServiceSpec();
    spec.service.type = ServiceSpec.Type.LoadBalancer;
    spec.service.annotations = Map.of("service.beta.kubernetes.io/aws-load-balancer-type", "nlb");
    spec.httpRoute = new HttpRouteSpec();
    var parent = new HttpRouteSpec.ParentReference("public");
    parent.namespace = "infra";
    parent.sectionName = "https";
    spec.httpRoute.parentRefs = List.of(parent);
    spec.httpRoute.hostnames = List.of("ws.example.com");
    spec.httpRoute.annotations = Map.of("team", "realtime");
    spec.monitoring = new MonitoringSpec();
    spec.monitoring.podMonitor = true;
    spec.monitoring.labels = Map.of("release", "prometheus");
    spec.monitoring.interval = "15s";
    return app;
  }

  private static GatewaySpec gateway() {
    var gateway = new GatewaySpec();
    gateway.image = "registry.example/vask/gateway:9.9.9";
    gateway.resources =
        new ResourceRequirementsBuilder()
            .addToRequests("cpu", new Quantity("250m"))
            .addToLimits("memory", new Quantity("1Gi"))
            .build();
    gateway.drainSeconds = 3;
    gateway.env = List.of(new EnvVar("VASK_LOG_LEVEL", "debug", null));
    gateway.imagePullSecrets = List.of(new LocalObjectReference("registry-login"));
    gateway.nodeSelector = Map.of("pool", "realtime");
    gateway.tolerations =
        List.of(
            new TolerationBuilder()
                .withKey("dedicated")
                .withOperator("Equal")
                .withValue("realtime")
                .withEffect("NoSchedule")
                .build());
    gateway.affinity =
        new AffinityBuilder()
            .withNewNodeAffinity()
            .withNewRequiredDuringSchedulingIgnoredDuringExecution()
            .addNewNodeSelectorTerm()
            .addNewMatchExpression()
            .withKey("kubernetes.io/arch")
            .withOperator("In")
            .withValues("amd64")
            .endMatchExpression()
            .endNodeSelectorTerm()
            .endRequiredDuringSchedulingIgnoredDuringExecution()
            .endNodeAffinity()
            .build();
    gateway.topologySpreadConstraints =
        List.of(
            new TopologySpreadConstraintBuilder()
                .withMaxSkew(2)
                .withTopologyKey("topology.kubernetes.io/zone")
                .withWhenUnsatisfiable("DoNotSchedule")
                .build());
    gateway.podAnnotations = Map.of("team", "realtime");
    return gateway;
  }
}
