package io.vask.operator.reconcile;

import static io.vask.operator.Children.assertOwnedBy;
import static io.vask.operator.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import io.vask.operator.model.FeaturesSpec;
import io.vask.operator.model.GatewaySpec;
import io.vask.operator.model.IngressSpec;
import io.vask.operator.model.NatsSpec;
import io.vask.operator.model.ScalingSpec;
import io.vask.operator.model.WebhookEvent;
import io.vask.operator.model.WebhookSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Spec changes on a running VaskApp: settings, image and NATS, scaling mode, Ingress. */
class VaskAppUpdatesIT {
  static final String DEFAULT_NATS = "nats://nats.vask-system:4222";

  @RegisterExtension
  static final OperatorFixture cluster =
      OperatorFixture.withEnv(Map.of("VASK_DEFAULT_NATS_URL", DEFAULT_NATS));

  @Test
  void settingsChangesReachThePodsWithoutARestart() {
    var app = VaskApps.named("settings", "test");
    cluster.client().resource(app).create();
    var settings = new Children(cluster.client(), "settings");
    eventually().untilAsserted(() -> assertThat(settings.deployment()).isNotNull());
    eventually().untilAsserted(() -> assertThat(settings.vaskApp().getStatus()).isNotNull());
    var template = settings.deployment().getSpec().getTemplate();

    VaskApps.update(
        cluster.client(),
        "settings",
        a -> {
          a.getSpec().webhooks =
              List.of(
                  new WebhookSpec("http://hooks.example/one", List.of(WebhookEvent.CACHE_MISS)));
          a.getSpec().limits = VaskApps.limits(7);
          a.getSpec().features = new FeaturesSpec();
          a.getSpec().features.userAuthentication = true;
        });
    eventually()
        .untilAsserted(
            () -> {
              var file = settings.appsFile();
              assertThat(file.limits().maxConnections()).isEqualTo(7);
              assertThat(file.features().userAuthentication()).isTrue();
              assertThat(file.webhooks())
                  .singleElement()
                  .satisfies(
                      h -> {
                        assertThat(h.url()).isEqualTo("http://hooks.example/one");
                        assertThat(h.events()).containsExactly("cache_miss");
                      });
            });
    settings.awaitObserved();
    assertThat(settings.deployment().getSpec().getTemplate()).isEqualTo(template);

    // Image, NATS and resources only take effect in new pods: they roll the Deployment.
    VaskApps.update(
        cluster.client(),
        "settings",
        a -> {
          a.getSpec().nats = new NatsSpec("nats://nats.chat:4222");
          a.getSpec().gateway = new GatewaySpec();
          a.getSpec().gateway.image = "vask/gateway:next";
          a.getSpec().gateway.resources =
              new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity("500m")).build();
        });
    eventually()
        .untilAsserted(
            () -> {
              var rolled = settings.deployment().getSpec().getTemplate();
              var container = rolled.getSpec().getContainers().get(0);
              assertThat(container.getImage()).isEqualTo("vask/gateway:next");
              assertThat(env(container.getEnv(), "VASK_NATS_URL"))
                  .isEqualTo("nats://nats.chat:4222");
              assertThat(container.getResources().getRequests()).containsKey("cpu");
              assertThat(rolled.getMetadata().getAnnotations().get("vask.dev/restart-hash"))
                  .isNotEqualTo(
                      template.getMetadata().getAnnotations().get("vask.dev/restart-hash"));
            });
  }

  @Test
  void switchesBetweenFixedReplicasAndAutoscaling() {
    var app = VaskApps.named("scaled", "test");
    cluster.client().resource(app).create();
    var scaled = new Children(cluster.client(), "scaled");
    eventually().untilAsserted(() -> assertThat(scaled.deployment()).isNotNull());
    assertThat(scaled.deployment().getSpec().getReplicas()).isEqualTo(1);
    assertThat(scaled.disruptionBudget()).isNull();

    VaskApps.update(cluster.client(), "scaled", a -> a.getSpec().scaling = ScalingSpec.fixed(3));
    eventually()
        .untilAsserted(() -> assertThat(scaled.deployment().getSpec().getReplicas()).isEqualTo(3));
    eventually().untilAsserted(() -> assertThat(scaled.disruptionBudget()).isNotNull());

    VaskApps.update(
        cluster.client(),
        "scaled",
        a -> {
          var scaling = new ScalingSpec();
          scaling.minReplicas = 2;
          scaling.maxReplicas = 10;
          scaling.targetCPUUtilization = 70;
          scaling.targetConnectionsPerPod = 20_000;
          a.getSpec().scaling = scaling;
        });
    eventually().untilAsserted(() -> assertThat(scaled.autoscaler()).isNotNull());
    var hpa = scaled.autoscaler().getSpec();
    assertThat(hpa.getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getMaxReplicas()).isEqualTo(10);
    assertThat(hpa.getScaleTargetRef().getName()).isEqualTo("scaled-gateway");
    assertThat(hpa.getMetrics()).extracting(m -> m.getType()).containsExactly("Resource", "Pods");
    assertThat(hpa.getMetrics().get(0).getResource().getTarget().getAverageUtilization())
        .isEqualTo(70);
    assertThat(hpa.getMetrics().get(1).getPods().getMetric().getName())
        .isEqualTo("vask_connections");
    assertThat(hpa.getMetrics().get(1).getPods().getTarget().getAverageValue())
        .isEqualTo(new Quantity("20000"));
    assertThat(scaled.deployment().getSpec().getReplicas()).isEqualTo(3);
    assertOwnedBy(scaled.vaskApp(), List.of(scaled.autoscaler(), scaled.disruptionBudget()));

    // The HPA scales the Deployment; a later reconcile must keep its count.
    cluster.client().apps().deployments().withName("scaled-gateway").scale(6);
    VaskApps.update(cluster.client(), "scaled", a -> a.getSpec().limits = VaskApps.limits(99));
    eventually()
        .untilAsserted(() -> assertThat(scaled.appsFile().limits().maxConnections()).isEqualTo(99));
    scaled.awaitObserved();
    assertThat(scaled.deployment().getSpec().getReplicas()).isEqualTo(6);

    VaskApps.update(cluster.client(), "scaled", a -> a.getSpec().scaling = ScalingSpec.fixed(1));
    eventually()
        .untilAsserted(
            () -> {
              assertThat(scaled.autoscaler()).isNull();
              assertThat(scaled.disruptionBudget()).isNull();
              assertThat(scaled.deployment().getSpec().getReplicas()).isEqualTo(1);
            });
  }

  @Test
  void optionalIngressPublishesTheEndpoints() {
    var app = VaskApps.named("public", "test");
    app.getSpec().ingress = new IngressSpec();
    app.getSpec().ingress.host = "ws.example.com";
    app.getSpec().ingress.className = "nginx";
    app.getSpec().ingress.tlsSecretName = "ws-tls";
    cluster.client().resource(app).create();
    var exposed = new Children(cluster.client(), "public");
    eventually().untilAsserted(() -> assertThat(exposed.ingress()).isNotNull());
    var ingress = exposed.ingress();
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("ws.example.com");
    assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("ws-tls");
    assertThat(ingress.getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
        .containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600");
    var backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend();
    assertThat(backend.getService().getName()).isEqualTo("public-gateway");
    assertThat(backend.getService().getPort().getName()).isEqualTo("http");
    eventually()
        .untilAsserted(
            () ->
                assertThat(exposed.status().endpoints.websocket)
                    .isEqualTo("wss://ws.example.com/app/" + exposed.credential("key")));
    assertThat(exposed.status().endpoints.httpApi).isEqualTo("https://ws.example.com");
    assertOwnedBy(exposed.vaskApp(), List.of(ingress));

    VaskApps.update(cluster.client(), "public", a -> a.getSpec().ingress = null);
    eventually().untilAsserted(() -> assertThat(exposed.ingress()).isNull());
    eventually()
        .untilAsserted(
            () ->
                assertThat(exposed.status().endpoints.websocket)
                    .startsWith("ws://public-gateway.test.svc:6001/app/"));
  }

  static String env(List<EnvVar> env, String name) {
    return VaskAppLifecycleIT.env(env, name);
  }
}
