package io.vask.operator.reconcile;

import static io.vask.operator.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.vask.operator.Children;
import io.vask.operator.MockCluster;
import io.vask.operator.VaskApps;
import io.vask.operator.model.ScalingSpec;
import io.vask.operator.model.VaskApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two VaskApps in one namespace get separate fleets and never touch each other's objects. */
@EnableKubernetesMockClient(crud = true)
class TwoAppsIT {
  static KubernetesClient client;
  static Operator operator;

  @BeforeAll
  static void startOperator() {
    MockCluster.registerCrd(client);
    operator =
        MockCluster.start(
            client, MockCluster.settings(Map.of("VASK_DEFAULT_NATS_URL", "nats://nats:4222")));
  }

  @AfterAll
  static void stopOperator() {
    operator.stop();
  }

  @Test
  void appsInOneNamespaceDoNotCollide() {
    var alphaApp = VaskApps.named("alpha", "test");
    alphaApp.getSpec().scaling = ScalingSpec.fixed(2);
    client.resource(alphaApp).create();
    client.resource(VaskApps.named("beta", "test")).create();
    var alpha = new Children(client, "alpha");
    var beta = new Children(client, "beta");
    eventually().untilAsserted(() -> assertThat(alpha.status().key).isNotNull());
    eventually().untilAsserted(() -> assertThat(beta.status().key).isNotNull());

    assertThat(alpha.credential("key")).isNotEqualTo(beta.credential("key"));
    assertThat(alpha.appsFile().key()).isEqualTo(alpha.credential("key"));
    assertThat(beta.appsFile().key()).isEqualTo(beta.credential("key"));
    assertThat(alpha.deployment().getSpec().getSelector().getMatchLabels())
        .isNotEqualTo(beta.deployment().getSpec().getSelector().getMatchLabels());
    assertThat(alpha.service().getSpec().getSelector())
        .containsEntry("app.kubernetes.io/instance", "alpha");
    assertThat(beta.service().getSpec().getSelector())
        .containsEntry("app.kubernetes.io/instance", "beta");
    assertThat(alpha.disruptionBudget()).isNotNull();
    assertThat(beta.disruptionBudget()).isNull();
    // Both take the operator's default NATS URL and so form clusters, each on its own subjects.
    assertThat(alpha.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("VASK_NATS_URL");
              assertThat(e.getValue()).isEqualTo("nats://nats:4222");
            });

    String betaFileVersion = beta.appsFileSecret().getMetadata().getResourceVersion();
    String betaDeploymentVersion = beta.deployment().getMetadata().getResourceVersion();
    client
        .resources(VaskApp.class)
        .withName("alpha")
        .edit(
            app -> {
              app.getSpec().limits = VaskApps.limits(11);
              return app;
            });
    eventually()
        .untilAsserted(() -> assertThat(alpha.appsFile().limits().maxConnections()).isEqualTo(11));
    assertThat(beta.appsFileSecret().getMetadata().getResourceVersion()).isEqualTo(betaFileVersion);
    assertThat(beta.deployment().getMetadata().getResourceVersion())
        .isEqualTo(betaDeploymentVersion);

    client.resources(VaskApp.class).withName("beta").delete();
    eventually().untilAsserted(() -> assertThat(beta.vaskApp()).isNull());
    assertThat(alpha.deployment()).isNotNull();
    assertThat(alpha.status().isReady()).isFalse();
  }
}
