package io.vask.operator.reconcile;

import static io.vask.operator.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vask.operator.AddOnCrds;
import io.vask.operator.Children;
import io.vask.operator.EveryField;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import io.vask.operator.dependent.AppsFileSecret;
import io.vask.operator.dependent.SecretData;
import io.vask.operator.model.HttpRouteSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A VaskApp with every field set: each value reaches the apps file, the pod template, the Service,
 * the Ingress, the HTTPRoute or the PodMonitor. Without the Gateway API in the cluster the route is
 * skipped and a condition says why.
 */
class EveryFieldIT {
  @RegisterExtension final OperatorFixture cluster = OperatorFixture.withDefaults();
  KubernetesClient client;

  @BeforeEach
  void client() {
    client = cluster.client();
  }

  @Test
  void everyFieldReachesItsChild() throws Exception {
    AddOnCrds.gatewayApi(client);
    AddOnCrds.prometheusOperator(client);
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(EveryField.HEADER_SECRET)
                .endMetadata()
                .withData(SecretData.encode(Map.of("Authorization", "Bearer s3cret")))
                .build())
        .create();
    client.resource(EveryField.app("full", "test")).create();
    var full = new Children(client, "full");
    eventually().untilAsserted(() -> assertThat(route()).isNotNull());
    eventually().untilAsserted(() -> assertThat(full.ingress()).isNotNull());

    assertAppsFile(appsFileJson(full));
    assertPodTemplate(full.deployment().getSpec().getTemplate().getSpec());
    assertThat(full.deployment().getSpec().getReplicas()).isEqualTo(3);
    assertThat(full.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("team", "realtime")
        .containsKey("vask.dev/restart-hash");
    var service = full.service();
    assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(service.getMetadata().getAnnotations())
        .containsEntry("service.beta.kubernetes.io/aws-load-balancer-type", "nlb");
    var ingress = full.ingress();
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("ws-tls");
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("ws.example.com");
    assertThat(ingress.getMetadata().getAnnotations())
        .containsEntry("cert-manager.io/cluster-issuer", "letsencrypt")
        .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600");
    assertRoute(route());
    assertPodMonitor(podMonitor());
    eventually()
        .untilAsserted(
            () ->
                assertThat(full.status().condition("Routed"))
                    .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True")));

    VaskApps.update(client, "full", a -> a.getSpec().httpRoute = null);
    eventually()
        .untilAsserted(() -> assertThat(route()).as("route of a removed httpRoute").isNull());
    eventually().untilAsserted(() -> assertThat(full.status().condition("Routed")).isEmpty());
  }

  @Test
  void withoutTheGatewayApiTheRouteIsSkippedWithACondition() {
    var app = VaskApps.named("routeless", "test");
    app.getSpec().httpRoute = new HttpRouteSpec();
    app.getSpec().httpRoute.parentRefs = List.of(new HttpRouteSpec.ParentReference("public"));
    client.resource(app).create();
    var routeless = new Children(client, "routeless");
    eventually()
        .untilAsserted(
            () ->
                assertThat(routeless.status().condition("Routed"))
                    .hasValueSatisfying(
                        c -> {
                          assertThat(c.getStatus()).isEqualTo("False");
                          assertThat(c.getReason()).isEqualTo("GatewayAPIMissing");
                          assertThat(c.getMessage()).contains("install the Gateway API CRDs");
                        }));
    assertThat(routeless.deployment()).as("the rest of the app is reconciled").isNotNull();
  }

  private GenericKubernetesResource podMonitor() {
    return client
        .genericKubernetesResources("monitoring.coreos.com/v1", "PodMonitor")
        .withName("full-gateway")
        .get();
  }

  @SuppressWarnings("unchecked")
  private static void assertPodMonitor(GenericKubernetesResource monitor) {
    assertThat(monitor).as("PodMonitor of spec.monitoring").isNotNull();
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    var spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
    assertThat(((List<Map<String, Object>>) spec.get("podMetricsEndpoints")).get(0))
        .containsEntry("interval", "15s")
        .containsEntry("port", "metrics");
  }

  private GenericKubernetesResource route() {
    return client
        .genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute")
        .withName("full-gateway")
        .get();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> appsFileJson(Children app) throws Exception {
    String json =
        SecretData.decode(app.appsFileSecret().getData(), AppsFileSecret.KEY).orElseThrow();
    var file = new ObjectMapper().readValue(json, Map.class);
    return ((List<Map<String, Object>>) file.get("apps")).get(0);
  }

  private static void assertAppsFile(Map<String, Object> file) {
    assertThat(file)
        .containsEntry("enabled", false)
        .containsEntry("clientEvents", true)
        .containsEntry("userAuthentication", true)
        .containsEntry("subscriptionCount", true)
        .containsEntry("watchlistEvents", false)
        .containsEntry("batchWebhooks", true)
        .containsEntry("maxConnections", 500)
        .containsEntry("maxMessageBytes", 2048)
        .containsEntry("clientEventsPerSecond", 5)
        .containsEntry("maxPresenceMembers", 50)
        .containsEntry("maxChannelsPerTrigger", 20)
        .containsEntry("maxEventsPerBatch", 7)
        .containsEntry("apiRequestsPerSecond", 250)
        .containsEntry("allowedOrigins", List.of("https://app.example.com", "*.example.org"))
        .containsEntry("cacheTtlSeconds", 600)
        .containsEntry("activityTimeoutSeconds", 45);
    assertThat((List<Map<String, Object>>) file.get("webhooks"))
        .singleElement()
        .satisfies(
            hook -> {
              assertThat(hook)
                  .containsEntry("url", "https://hooks.example/vask")
                  .containsEntry("events", List.of("channel_occupied", "client_event"))
                  .containsEntry("channelPrefix", "presence-")
                  .containsEntry(
                      "headers", Map.of("X-Env", "prod", "Authorization", "Bearer s3cret"));
            });
  }

  private static void assertPodTemplate(PodSpec pod) {
    var container = pod.getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("registry.example/vask/gateway:9.9.9");
    assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("250m"));
    assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("1Gi"));
    assertThat(container.getEnv())
        .anySatisfy(e -> assertThat(e.getName()).isEqualTo("VASK_LOG_LEVEL"))
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("VASK_NATS_URL");
              assertThat(e.getValue()).isEqualTo("nats://nats.example:4222");
            })
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("VASK_DRAIN_SECONDS");
              assertThat(e.getValue()).isEqualTo("3");
            });
    assertThat(pod.getImagePullSecrets())
        .extracting(r -> r.getName())
        .containsExactly("registry-login");
    assertThat(pod.getNodeSelector()).containsExactly(Map.entry("pool", "realtime"));
    assertThat(pod.getTolerations())
        .singleElement()
        .satisfies(t -> assertThat(t.getKey()).isEqualTo("dedicated"));
    assertThat(
            pod.getAffinity()
                .getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms())
        .singleElement()
        .satisfies(
            t -> assertThat(t.getMatchExpressions().get(0).getValues()).containsExactly("amd64"));
    assertThat(pod.getTopologySpreadConstraints())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getMaxSkew()).isEqualTo(2);
              assertThat(c.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
            });
  }

  @SuppressWarnings("unchecked")
  private static void assertRoute(GenericKubernetesResource route) {
    assertThat(route.getMetadata().getAnnotations()).containsEntry("team", "realtime");
    assertThat(route.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(r -> assertThat(r.getKind()).isEqualTo("VaskApp"));
    var spec = (Map<String, Object>) route.getAdditionalProperties().get("spec");
    assertThat(spec.get("parentRefs"))
        .isEqualTo(List.of(Map.of("name", "public", "namespace", "infra", "sectionName", "https")));
    assertThat(spec.get("hostnames")).isEqualTo(List.of("ws.example.com"));
    var rule = ((List<Map<String, Object>>) spec.get("rules")).get(0);
    assertThat(rule.get("backendRefs"))
        .isEqualTo(List.of(Map.of("name", "full-gateway", "port", 6001)));
  }
}
