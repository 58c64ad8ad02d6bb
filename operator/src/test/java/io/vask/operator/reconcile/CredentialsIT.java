package io.vask.operator.reconcile;

import static io.vask.operator.Eventually.eventually;
import static io.vask.operator.StatusAssertions.assertCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import io.vask.operator.dependent.SecretData;
import io.vask.operator.model.CredentialsSpec;
import io.vask.operator.model.SecretReference;
import io.vask.operator.model.VaskApp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Generated credentials stay stable; imported ones are read, watched, and never modified. */
class CredentialsIT {
  @RegisterExtension static final OperatorFixture cluster = OperatorFixture.withDefaults();

  @Test
  void generatedCredentialsAreCreatedOnceAndNeverRewritten() {
    cluster.client().resource(VaskApps.named("stable", "test")).create();
    var stable = new Children(cluster.client(), "stable");
    eventually().untilAsserted(() -> assertThat(stable.status().key).isNotNull());
    Secret first = stable.credentials();

    for (int max = 1; max <= 3; max++) {
      int connections = max;
      VaskApps.update(
          cluster.client(), "stable", a -> a.getSpec().limits = VaskApps.limits(connections));
      eventually()
          .untilAsserted(
              () -> assertThat(stable.appsFile().limits().maxConnections()).isEqualTo(connections));
    }

    Secret after = stable.credentials();
    assertThat(after.getData()).isEqualTo(first.getData());
    assertThat(after.getMetadata().getResourceVersion())
        .isEqualTo(first.getMetadata().getResourceVersion());
    assertThat(stable.appsFile().key()).isEqualTo(stable.credential("key"));
    assertThat(stable.status().key).isEqualTo(stable.credential("key"));
  }

  @Test
  void importedCredentialsAreUsedWatchedAndLeftAlone() {
    Secret imported =
        cluster
            .client()
            .resource(pusherSecret("pusher-prod", "424242", "prodkey", "s3cret"))
            .create();
    cluster.client().resource(importing("prod", "pusher-prod")).create();
    var prod = new Children(cluster.client(), "prod");

    eventually().untilAsserted(() -> assertThat(prod.status().appId).isEqualTo("424242"));
    assertThat(prod.status().key).isEqualTo("prodkey");
    assertThat(prod.status().credentialsSecret).isEqualTo("pusher-prod");
    assertThat(prod.appsFile().secret()).isEqualTo("s3cret");
    assertThat(prod.credentials()).as("no generated Secret").isNull();
    assertThat(prod.status().endpoints.websocket).endsWith("/app/prodkey");
    var template = prod.deployment().getSpec().getTemplate();

    // Rotation: the user edits their Secret; the apps file follows, the pods stay.
    cluster
        .client()
        .secrets()
        .withName("pusher-prod")
        .edit(s -> new SecretBuilder(s).addToData("secret", base64("rotated")).build());
    eventually().untilAsserted(() -> assertThat(prod.appsFile().secret()).isEqualTo("rotated"));
    assertThat(prod.deployment().getSpec().getTemplate()).isEqualTo(template);

    Secret afterwards = cluster.client().secrets().withName("pusher-prod").get();
    assertThat(afterwards.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(afterwards.getMetadata().getLabels()).isEqualTo(imported.getMetadata().getLabels());
    assertThat(SecretData.decode(afterwards.getData(), "key")).contains("prodkey");
  }

  @Test
  void missingImportedSecretIsReportedUntilItAppears() {
    cluster.client().resource(importing("early", "later-creds")).create();
    var early = new Children(cluster.client(), "early");
    eventually()
        .untilAsserted(
            () -> assertCondition(early.vaskApp(), "Degraded", "True", "CredentialsSecretMissing"));
    assertCondition(early.vaskApp(), "Ready", "False", "CredentialsSecretMissing");
    assertThat(early.status().observedGeneration).isEqualTo(1L);
    assertThat(early.deployment()).isNull();
    assertThat(early.appsFileSecret()).isNull();
    assertThat(early.service()).isNull();

    cluster
        .client()
        .resource(pusherSecret("later-creds", "77", "laterkey", "latersecret"))
        .create();

    eventually().untilAsserted(() -> assertThat(early.deployment()).isNotNull());
    eventually()
        .untilAsserted(() -> assertCondition(early.vaskApp(), "Degraded", "False", "AsExpected"));
    assertThat(early.appsFile().key()).isEqualTo("laterkey");
  }

  @Test
  void importedSecretWithoutEveryKeyIsReported() {
    var partial =
        new SecretBuilder()
            .withNewMetadata()
            .withName("partial-creds")
            .endMetadata()
            .withData(SecretData.encode(Map.of("app_id", "1", "key", "k")))
            .build();
    cluster.client().resource(partial).create();
    cluster.client().resource(importing("partial", "partial-creds")).create();
    var app = new Children(cluster.client(), "partial");
    eventually()
        .untilAsserted(
            () -> assertCondition(app.vaskApp(), "Degraded", "True", "CredentialsSecretInvalid"));
    assertThat(app.vaskApp().getStatus().condition("Degraded").orElseThrow().getMessage())
        .contains("partial-creds")
        .contains("lacks secret");
    assertThat(app.deployment()).isNull();
  }

  @Test
  void switchingToImportedCredentialsKeepsTheGateway() {
    cluster.client().resource(VaskApps.named("switch", "test")).create();
    var app = new Children(cluster.client(), "switch");
    eventually().untilAsserted(() -> assertThat(app.status().key).isNotNull());
    String deploymentUid = app.deployment().getMetadata().getUid();

    cluster
        .client()
        .resource(pusherSecret("switch-pusher", "9000", "switchkey", "switchsecret"))
        .create();
    VaskApps.update(
        cluster.client(),
        "switch",
        a -> {
          a.getSpec().credentials = new CredentialsSpec();
          a.getSpec().credentials.secretRef = new SecretReference("switch-pusher");
        });

    eventually().untilAsserted(() -> assertThat(app.appsFile().key()).isEqualTo("switchkey"));
    eventually().untilAsserted(() -> assertThat(app.credentials()).isNull());
    assertThat(app.deployment().getMetadata().getUid()).isEqualTo(deploymentUid);
    eventually()
        .untilAsserted(() -> assertThat(app.status().credentialsSecret).isEqualTo("switch-pusher"));
  }

  static VaskApp importing(String name, String secretName) {
    var app = VaskApps.named(name, "test");
    app.getSpec().credentials = new CredentialsSpec();
    app.getSpec().credentials.secretRef = new SecretReference(secretName);
    return app;
  }

  static Secret pusherSecret(String name, String appId, String key, String secret) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("team", "web")
        .endMetadata()
        .withData(SecretData.encode(Map.of("app_id", appId, "key", key, "secret", secret)))
        .build();
  }

  static String base64(String value) {
    return SecretData.encode(Map.of("v", value)).get("v");
  }
}
