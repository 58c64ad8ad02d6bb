package io.vask.operator.reconcile;

import static io.vask.operator.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import io.vask.operator.model.ScalingSpec;
import io.vask.operator.model.VaskApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two VaskApps in one namespace get separate fleets and never touch each other's objects. */
class TwoAppsIT {
  @RegisterExtension
  static final OperatorFixture cluster =
      OperatorFixture.withEnv(Map.of("VASK_DEFAULT_NATS_URL", "nats://nats:4222"));

  @Test
  void appsInOneNamespaceDoNotCollide() {
    var alphaApp = VaskApps.named("alpha", "test");
    alphaApp.getSpec().scaling = ScalingSpec.fixed(2);
    cluster.client().resource(alphaApp).create();
    cluster.client().resource(VaskApps.named("beta", "test")).create();
    var alpha = new Children(cluster.client(), "alpha");
    var beta = new Children(cluster.client(), "beta");
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
    cluster
        .client()
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

    cluster.client().resources(VaskApp.class).withName("beta").delete();
    eventually().untilAsserted(() -> assertThat(beta.vaskApp()).isNull());
    assertThat(alpha.deployment()).isNotNull();
    assertThat(alpha.status().isReady()).isFalse();
  }
}
