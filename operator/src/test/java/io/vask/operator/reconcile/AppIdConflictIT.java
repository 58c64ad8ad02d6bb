package io.vask.operator.reconcile;

import static io.vask.operator.Eventually.eventually;
import static io.vask.operator.StatusAssertions.assertCondition;
import static io.vask.operator.reconcile.CredentialsIT.importing;
import static io.vask.operator.reconcile.CredentialsIT.pusherSecret;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.model.NatsSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two VaskApps with one app id on one NATS would share cluster state: the second is refused with
 * AppIdConflict and gets no children; on another NATS the same id is fine.
 */
class AppIdConflictIT {
  @RegisterExtension
  static final OperatorFixture cluster =
      OperatorFixture.withEnv(Map.of("VASK_DEFAULT_NATS_URL", "nats://shared:4222"));

  private final KubernetesClient client = cluster.client();

  @Test
  void aSecondAppWithTheSameIdOnTheSameNatsIsRefusedAndTheFirstKeepsRunning() {
    client.resource(pusherSecret("first-creds", "555000", "firstkey", "s1")).create();
    client.resource(pusherSecret("second-creds", "555000", "secondkey", "s2")).create();
    client.resource(importing("first", "first-creds")).create();
    var first = new Children(client, "first");
    eventually().untilAsserted(() -> assertThat(first.status().appId).isEqualTo("555000"));

    client.resource(importing("second", "second-creds")).create();
    var second = new Children(client, "second");
    eventually()
        .untilAsserted(
            () -> assertCondition(second.vaskApp(), "Ready", "False", Problem.APP_ID_CONFLICT));
    assertThat(second.vaskApp().getStatus().condition("Ready").orElseThrow().getMessage())
        .contains("555000")
        .contains("first");
    assertThat(second.deployment()).isNull();
    assertThat(second.appsFileSecret()).isNull();
    assertThat(first.deployment()).isNotNull();
    assertThat(first.vaskApp().getStatus().condition("Ready").orElseThrow().getReason())
        .isNotEqualTo(Problem.APP_ID_CONFLICT);
  }

  @Test
  void theSameIdOnAnotherNatsIsNoConflict() {
    client.resource(pusherSecret("here-creds", "777000", "herekey", "s1")).create();
    client.resource(pusherSecret("there-creds", "777000", "therekey", "s2")).create();
    client.resource(importing("here", "here-creds")).create();
    var here = new Children(client, "here");
    eventually().untilAsserted(() -> assertThat(here.status().appId).isEqualTo("777000"));

    var thereApp = importing("there", "there-creds");
    thereApp.getSpec().nats = new NatsSpec();
    thereApp.getSpec().nats.url = "nats://elsewhere:4222";
    client.resource(thereApp).create();
    var there = new Children(client, "there");
    eventually().untilAsserted(() -> assertThat(there.status().appId).isEqualTo("777000"));
    assertThat(there.deployment()).isNotNull();
  }
}
