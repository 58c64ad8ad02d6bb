package io.vask.operator.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vask.contract.settings.InvalidSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** VASK_REGISTRATION_*: off by default, and checked as a whole when turned on. */
class RegistrationSettingsTest {

  @Test
  void registrationIsOffByDefault() {
    assertThat(OperatorSettings.from(Map.of()).registration().enabled()).isFalse();
  }

  @Test
  void readsEveryRegistrationSetting() {
    var registration =
        OperatorSettings.from(
                Map.of(
                    "VASK_REGISTRATION_ENABLED", "true",
                    "VASK_REGISTRATION_ALLOW", " Ada, org:Acme ,,",
                    "VASK_REGISTRATION_NAMESPACE", "apps",
                    "VASK_REGISTRATION_PORT", "9443",
                    "VASK_REGISTRATION_KEYS_URL", "http://keys.local/{user}.keys",
                    "VASK_REGISTRATION_CHALLENGE_SECONDS", "60",
                    "VASK_REGISTRATION_RATE_PER_MINUTE", "3"))
            .registration();

    assertThat(registration.enabled()).isTrue();
    assertThat(registration.allow()).containsExactlyInAnyOrder("ada", "org:acme");
    assertThat(registration.namespace()).isEqualTo("apps");
    assertThat(registration.port()).isEqualTo(9443);
    assertThat(registration.keysUrl()).isEqualTo("http://keys.local/{user}.keys");
    assertThat(registration.orgMembersUrl()).contains("{org}").contains("{user}");
    assertThat(registration.challengeTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(registration.perMinute()).isEqualTo(3);
  }

  @Test
  void anEnabledEndpointNeedsAnAllowListAndANamespace() {
    assertThatThrownBy(
            () ->
                OperatorSettings.from(
                    Map.of(
                        "VASK_REGISTRATION_ENABLED", "true",
                        "VASK_REGISTRATION_RATE_PER_MINUTE", "0")))
        .isInstanceOfSatisfying(
            InvalidSettings.class,
            e ->
                assertThat(String.join("\n", e.problems()))
                    .contains("VASK_REGISTRATION_ALLOW is empty")
                    .contains("VASK_REGISTRATION_NAMESPACE")
                    .contains("VASK_REGISTRATION_RATE_PER_MINUTE"));
  }
}
