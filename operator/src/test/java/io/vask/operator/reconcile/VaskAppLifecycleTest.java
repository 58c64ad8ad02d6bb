package io.vask.operator.reconcile;

import static io.vask.operator.Children.assertOwnedBy;
import static io.vask.operator.Eventually.eventually;
import static io.vask.operator.StatusAssertions.assertCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.vask.operator.Children;
import io.vask.operator.MockCluster;
import io.vask.operator.VaskApps;
import io.vask.operator.model.FeaturesSpec;
import io.vask.operator.model.GatewaySpec;
import io.vask.operator.model.IngressSpec;
import io.vask.operator.model.LimitsSpec;
import io.vask.operator.model.NatsSpec;
import io.vask.operator.model.ScalingSpec;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.WebhookEvent;
import io.vask.operator.model.WebhookSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator against the mock API server: create, status, updates, scaling, delete. */
@EnableKubernetesMockClient(crud = true)
class VaskAppLifecycleTest {
  static KubernetesClient client;
  static Operator operator;
  static final String DEFAULT_NATS = "nats://nats.vask-system:4222";

  @BeforeAll
  static void startOperator() {
    MockCluster.registerCrd(client);
    operator =
        MockCluster.start(
            client, MockCluster.settings(Map.of("VASK_DEFAULT_NATS_URL", DEFAULT_NATS)));
  }

  @AfterAll
  static void stopOperator() {
    operator.stop();
  }

  @Test
  void createsEveryChildWithExpectedContentAndStatus() {
    var app = VaskApps.named("chat", "test");
    app.getSpec().features = new FeaturesSpec();
    app.getSpec().features.clientEvents = true;
    app.getSpec().limits = new LimitsSpec();
    app.getSpec().limits.maxConnections = 5000;
    app.getSpec().limits.maxMessageBytes = 10_240;
    app.getSpec()
        .webhooks
        .add(
            new WebhookSpec(
                "https://api.example.com/hooks",
                List.of(WebhookEvent.CHANNEL_OCCUPIED, WebhookEvent.MEMBER_ADDED)));
    app.getSpec().scaling = ScalingSpec.fixed(2);
    client.resource(app).create();
    var chat = new Children(client, "chat");

    eventually().untilAsserted(() -> assertThat(chat.vaskApp().getStatus()).isNotNull());
    var created = chat.vaskApp();
    String appId = chat.credential("app_id");
    String key = chat.credential("key");
    assertThat(appId).matches("[0-9]{7}");
    assertThat(key).matches("[0-9a-f]{20}");
    assertThat(chat.credential("secret")).matches("[0-9a-f]{40}");

    var settings = chat.appsFile();
    assertThat(settings.id()).isEqualTo(appId);
    assertThat(settings.key()).isEqualTo(key);
    assertThat(settings.secret()).isEqualTo(chat.credential("secret"));
    assertThat(settings.clientEvents()).isTrue();
    assertThat(settings.userAuthentication()).isFalse();
    assertThat(settings.maxConnections()).isEqualTo(5000);
    assertThat(settings.maxMessageBytes()).isEqualTo(10_240);
    assertThat(settings.webhooks())
        .singleElement()
        .satisfies(
            hook -> {
              assertThat(hook.url()).isEqualTo("https://api.example.com/hooks");
              assertThat(hook.events()).containsExactly("channel_occupied", "member_added");
            });

    var deployment = chat.deployment();
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    var pod = deployment.getSpec().getTemplate().getSpec();
    var container = pod.getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("vask/gateway:test");
    assertThat(container.getEnv())
        .extracting(EnvVar::getName)
        .containsExactly(
            "VASK_PORT",
            "VASK_METRICS_PORT",
            "VASK_APPS_FILE",
            "VASK_NATS_URL",
            "VASK_NODE_ID",
            "VASK_DRAIN_SECONDS");
    assertThat(env(container.getEnv(), "VASK_APPS_FILE")).isEqualTo("/etc/vask/apps/apps.json");
    assertThat(env(container.getEnv(), "VASK_NATS_URL")).isEqualTo(DEFAULT_NATS);
    assertThat(container.getEnv().get(4).getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("metadata.name");
    assertThat(container.getPorts())
        .extracting(p -> p.getName() + ":" + p.getContainerPort())
        .containsExactly("http:6001", "metrics:9601");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
    assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal())
        .isEqualTo("metrics");
    assertThat(container.getLifecycle().getPreStop().getExec().getCommand())
        .containsExactly("sleep", "5");
    assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(5L + 10L);
    assertThat(pod.getEnableServiceLinks()).isFalse();
    assertThat(pod.getTopologySpreadConstraints())
        .extracting(c -> c.getTopologyKey())
        .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
    assertThat(pod.getVolumes().get(0).getSecret().getSecretName()).isEqualTo("chat-apps");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsKey("vask.dev/restart-hash");
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("app.kubernetes.io/name", "vask-gateway", "app.kubernetes.io/instance", "chat"));

    assertThat(chat.service().getSpec().getPorts())
        .extracting(p -> p.getName() + ":" + p.getPort())
        .containsExactly("http:6001", "metrics:9601");
    assertThat(chat.service().getSpec().getSelector())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    assertThat(chat.disruptionBudget().getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(chat.autoscaler()).isNull();
    assertThat(chat.ingress()).isNull();

    var status = created.getStatus();
    assertThat(status.observedGeneration).isEqualTo(created.getMetadata().getGeneration());
    assertThat(status.appId).isEqualTo(appId);
    assertThat(status.key).isEqualTo(key);
    assertThat(status.credentialsSecret).isEqualTo("chat-credentials");
    assertThat(status.endpoints.websocket).isEqualTo("ws://chat-gateway.test.svc:6001/app/" + key);
    assertThat(status.endpoints.httpApi).isEqualTo("http://chat-gateway.test.svc:6001");
    assertCondition(created, "Ready", "False", "GatewayNotReady");
    assertCondition(created, "Progressing", "True", "RolloutInProgress");
    assertCondition(created, "Degraded", "False", "AsExpected");

    assertOwnedBy(
        created,
        List.of(
            chat.credentials(),
            chat.appsFileSecret(),
            deployment,
            chat.service(),
            chat.disruptionBudget()));
  }

  @Test
  void statusFollowsTheDeploymentRollout() {
    var app = VaskApps.named("rollout", "test");
    app.getSpec().scaling = ScalingSpec.fixed(3);
    client.resource(app).create();
    var rollout = new Children(client, "rollout");
    eventually().untilAsserted(() -> assertThat(rollout.deployment()).isNotNull());
    eventually()
        .untilAsserted(
            () -> assertCondition(rollout.vaskApp(), "Ready", "False", "GatewayNotReady"));

    rollout.markDeploymentReady();

    eventually()
        .untilAsserted(
            () -> {
              var ready = rollout.vaskApp();
              assertCondition(ready, "Ready", "True", "GatewayReady");
              assertCondition(ready, "Progressing", "False", "RolloutComplete");
              assertThat(ready.getStatus().readyReplicas).isEqualTo(3);
              assertThat(ready.getStatus().isReady()).isTrue();
            });
    String readySince = readySince(rollout.vaskApp());

    // A settings change keeps the app Ready: the transition time must not move.
    update("rollout", a -> a.getSpec().limits = limits(42));
    eventually().untilAsserted(() -> assertThat(rollout.appsFile().maxConnections()).isEqualTo(42));
    eventually()
        .untilAsserted(
            () ->
                assertThat(rollout.status().observedGeneration)
                    .isEqualTo(rollout.vaskApp().getMetadata().getGeneration()));
    assertThat(readySince(rollout.vaskApp())).isEqualTo(readySince);
  }

  @Test
  void settingsChangesReachThePodsWithoutARestart() {
    var app = VaskApps.named("settings", "test");
    client.resource(app).create();
    var settings = new Children(client, "settings");
    eventually().untilAsserted(() -> assertThat(settings.deployment()).isNotNull());
    eventually().untilAsserted(() -> assertThat(settings.vaskApp().getStatus()).isNotNull());
    var template = settings.deployment().getSpec().getTemplate();

    update(
        "settings",
        a -> {
          a.getSpec().webhooks =
              List.of(
                  new WebhookSpec("http://hooks.example/one", List.of(WebhookEvent.CACHE_MISS)));
          a.getSpec().limits = limits(7);
          a.getSpec().features = new FeaturesSpec();
          a.getSpec().features.userAuthentication = true;
        });
    eventually()
        .untilAsserted(
            () -> {
              var file = settings.appsFile();
              assertThat(file.maxConnections()).isEqualTo(7);
              assertThat(file.userAuthentication()).isTrue();
              assertThat(file.webhooks())
                  .singleElement()
                  .satisfies(
                      h -> {
                        assertThat(h.url()).isEqualTo("http://hooks.example/one");
                        assertThat(h.events()).containsExactly("cache_miss");
                      });
            });
    awaitObserved(settings);
    assertThat(settings.deployment().getSpec().getTemplate()).isEqualTo(template);

    // Image, NATS and resources only take effect in new pods: they roll the Deployment.
    update(
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
    client.resource(app).create();
    var scaled = new Children(client, "scaled");
    eventually().untilAsserted(() -> assertThat(scaled.deployment()).isNotNull());
    assertThat(scaled.deployment().getSpec().getReplicas()).isEqualTo(1);
    assertThat(scaled.disruptionBudget()).isNull();

    update("scaled", a -> a.getSpec().scaling = ScalingSpec.fixed(3));
    eventually()
        .untilAsserted(() -> assertThat(scaled.deployment().getSpec().getReplicas()).isEqualTo(3));
    eventually().untilAsserted(() -> assertThat(scaled.disruptionBudget()).isNotNull());

    update(
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
    client.apps().deployments().withName("scaled-gateway").scale(6);
    update("scaled", a -> a.getSpec().limits = limits(99));
    eventually().untilAsserted(() -> assertThat(scaled.appsFile().maxConnections()).isEqualTo(99));
    awaitObserved(scaled);
    assertThat(scaled.deployment().getSpec().getReplicas()).isEqualTo(6);

    update("scaled", a -> a.getSpec().scaling = ScalingSpec.fixed(1));
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
    client.resource(app).create();
    var exposed = new Children(client, "public");
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

    update("public", a -> a.getSpec().ingress = null);
    eventually().untilAsserted(() -> assertThat(exposed.ingress()).isNull());
    eventually()
        .untilAsserted(
            () ->
                assertThat(exposed.status().endpoints.websocket)
                    .startsWith("ws://public-gateway.test.svc:6001/app/"));
  }

  @Test
  void deletingTheAppLeavesEveryChildToTheGarbageCollector() {
    var app = VaskApps.named("gone", "test");
    app.getSpec().scaling = ScalingSpec.fixed(2);
    app.getSpec().ingress = new IngressSpec();
    app.getSpec().ingress.host = "gone.example.com";
    client.resource(app).create();
    var gone = new Children(client, "gone");
    eventually().untilAsserted(() -> assertThat(gone.ingress()).isNotNull());
    eventually().untilAsserted(() -> assertThat(gone.disruptionBudget()).isNotNull());
    var owner = gone.vaskApp();

    client.resource(owner).delete();

    // No finalizer holds the VaskApp; Kubernetes' garbage collector follows the owner references.
    eventually().untilAsserted(() -> assertThat(gone.vaskApp()).isNull());
    assertOwnedBy(
        owner,
        List.of(
            gone.credentials(),
            gone.appsFileSecret(),
            gone.deployment(),
            gone.service(),
            gone.disruptionBudget(),
            gone.ingress()));
  }

  static void update(String name, Consumer<VaskApp> change) {
    client
        .resources(VaskApp.class)
        .withName(name)
        .edit(
            app -> {
              change.accept(app);
              return app;
            });
  }

  static void awaitObserved(Children children) {
    eventually()
        .untilAsserted(
            () -> {
              var app = children.vaskApp();
              assertThat(children.status().observedGeneration)
                  .isEqualTo(app.getMetadata().getGeneration());
            });
  }

  static LimitsSpec limits(int maxConnections) {
    var limits = new LimitsSpec();
    limits.maxConnections = maxConnections;
    return limits;
  }

  static String env(List<EnvVar> env, String name) {
    return env.stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getValue();
  }

  static String readySince(VaskApp app) {
    return app.getStatus().condition("Ready").orElseThrow().getLastTransitionTime();
  }
}
