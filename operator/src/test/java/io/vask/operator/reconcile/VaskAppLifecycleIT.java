package io.vask.operator.reconcile;

import static io.vask.operator.Children.assertOwnedBy;
import static io.vask.operator.Eventually.eventually;
import static io.vask.operator.StatusAssertions.assertCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import io.vask.operator.model.FeaturesSpec;
import io.vask.operator.model.IngressSpec;
import io.vask.operator.model.LimitsSpec;
import io.vask.operator.model.ScalingSpec;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.WebhookEvent;
import io.vask.operator.model.WebhookSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator against the mock API server: create, status that follows the rollout, delete. */
class VaskAppLifecycleIT {
  static final String DEFAULT_NATS = "nats://nats.vask-system:4222";

  @RegisterExtension
  static final OperatorFixture cluster =
      OperatorFixture.withEnv(Map.of("VASK_DEFAULT_NATS_URL", DEFAULT_NATS));

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
    cluster.client().resource(app).create();
    var chat = new Children(cluster.client(), "chat");

    eventually().untilAsserted(() -> assertThat(chat.vaskApp().getStatus()).isNotNull());
    var created = chat.vaskApp();
    String appId = chat.credential("app_id");
    String key = chat.credential("key");
    assertThat(appId)
        .matches("[1-9][0-9]{17}"); // 18 random digits: no clash between apps on one NATS
    assertThat(key).matches("[0-9a-f]{20}");
    assertThat(chat.credential("secret")).matches("[0-9a-f]{40}");

    var settings = chat.appsFile();
    assertThat(settings.id()).isEqualTo(appId);
    assertThat(settings.key()).isEqualTo(key);
    assertThat(settings.secret()).isEqualTo(chat.credential("secret"));
    assertThat(settings.features().clientEvents()).isTrue();
    assertThat(settings.features().userAuthentication()).isFalse();
    assertThat(settings.limits().maxConnections()).isEqualTo(5000);
    assertThat(settings.limits().maxMessageBytes()).isEqualTo(10_240);
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
    cluster.client().resource(app).create();
    var rollout = new Children(cluster.client(), "rollout");
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
    VaskApps.update(cluster.client(), "rollout", a -> a.getSpec().limits = VaskApps.limits(42));
    eventually()
        .untilAsserted(
            () -> assertThat(rollout.appsFile().limits().maxConnections()).isEqualTo(42));
    eventually()
        .untilAsserted(
            () ->
                assertThat(rollout.status().observedGeneration)
                    .isEqualTo(rollout.vaskApp().getMetadata().getGeneration()));
    assertThat(readySince(rollout.vaskApp())).isEqualTo(readySince);
  }

  @Test
  void deletingTheAppLeavesEveryChildToTheGarbageCollector() {
    var app = VaskApps.named("gone", "test");
    app.getSpec().scaling = ScalingSpec.fixed(2);
    app.getSpec().ingress = new IngressSpec();
    app.getSpec().ingress.host = "gone.example.com";
    cluster.client().resource(app).create();
    var gone = new Children(cluster.client(), "gone");
    eventually().untilAsserted(() -> assertThat(gone.ingress()).isNotNull());
    eventually().untilAsserted(() -> assertThat(gone.disruptionBudget()).isNotNull());
    var owner = gone.vaskApp();

    cluster.client().resource(owner).delete();

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

  static String env(List<EnvVar> env, String name) {
    return env.stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getValue();
  }

  static String readySince(VaskApp app) {
    return app.getStatus().condition("Ready").orElseThrow().getLastTransitionTime();
  }
}
