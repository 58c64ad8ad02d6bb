package io.vask.operator.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vask.contract.settings.InvalidSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

  @Test
  void defaultsWhenNothingIsSet() {
    var settings = OperatorSettings.from(Map.of());
    assertThat(settings.namespaces()).isEmpty();
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.leaderElection()).isTrue();
    assertThat(settings.serverSideApply()).isTrue();
    assertThat(settings.gatewayImage()).isEqualTo(OperatorSettings.DEFAULT_GATEWAY_IMAGE);
    assertThat(settings.defaultNatsUrl()).isEmpty();
  }

  @Test
  void readsEverySetting() {
    var settings =
        OperatorSettings.from(
            Map.of(
                "VASK_OPERATOR_NAMESPACES", " web, chat ,,",
                "VASK_OPERATOR_PORT", "9090",
                "VASK_LEADER_ELECTION", "FALSE",
                "VASK_GATEWAY_IMAGE", "example/gateway:1.2",
                "VASK_DEFAULT_NATS_URL", "nats://nats.vask-system:4222",
                "VASK_OPERATOR_SSA", "false",
                "POD_NAME", "vask-operator-abc",
                "POD_NAMESPACE", "vask-system"));
    assertThat(settings.namespaces()).containsExactlyInAnyOrder("web", "chat");
    assertThat(settings.port()).isEqualTo(9090);
    assertThat(settings.leaderElection()).isFalse();
    assertThat(settings.serverSideApply()).isFalse();
    assertThat(settings.defaults().gatewayImage()).isEqualTo("example/gateway:1.2");
    assertThat(settings.defaults().natsUrl()).contains("nats://nats.vask-system:4222");
    assertThat(settings.podName()).contains("vask-operator-abc");
    assertThat(settings.podNamespace()).isEqualTo(Optional.of("vask-system"));
  }

  @Test
  void listsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                OperatorSettings.from(
                    Map.of(
                        "VASK_OPERATOR_NAMESPACES", "web,Not_A_Namespace",
                        "VASK_OPERATOR_PORT", "70000",
                        "VASK_LEADER_ELECTION", "yes",
                        "VASK_OPERATOR_SSA", "1",
                        "VASK_GATEWAY_IMAGE", "has space",
                        "VASK_DEFAULT_NATS_URL", "http://nats:4222")))
        .isInstanceOfSatisfying(
            InvalidSettings.class,
            e ->
                assertThat(e.problems())
                    .hasSize(6)
                    .anySatisfy(p -> assertThat(p).contains("Not_A_Namespace"))
                    .anySatisfy(p -> assertThat(p).contains("VASK_OPERATOR_PORT=70000"))
                    .anySatisfy(p -> assertThat(p).contains("VASK_LEADER_ELECTION=yes"))
                    .anySatisfy(p -> assertThat(p).contains("VASK_OPERATOR_SSA=1"))
                    .anySatisfy(p -> assertThat(p).contains("VASK_GATEWAY_IMAGE"))
                    .anySatisfy(p -> assertThat(p).contains("VASK_DEFAULT_NATS_URL")));
  }
}
