package io.vask.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.operator.model.VaskApp;

/** Assertions on VaskApp conditions. */
public final class StatusAssertions {
  private StatusAssertions() {}

  public static void assertCondition(VaskApp app, String type, String status, String reason) {
    assertThat(app).as("VaskApp").isNotNull();
    assertThat(app.getStatus()).as("status of %s", app.getMetadata().getName()).isNotNull();
    assertThat(app.getStatus().condition(type))
        .as("condition %s of %s", type, app.getMetadata().getName())
        .hasValueSatisfying(
            c -> {
              assertThat(c.getStatus()).isEqualTo(status);
              assertThat(c.getReason()).isEqualTo(reason);
              assertThat(c.getObservedGeneration()).isEqualTo(app.getMetadata().getGeneration());
              assertThat(c.getLastTransitionTime()).isNotBlank();
            });
  }
}
