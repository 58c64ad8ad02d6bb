package io.vask.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.vask.operator.model.VaskAppStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events follow transitions of the status, so an unchanged status tells nothing again. */
class AppEventsTest {

  @Test
  void problemIsToldWhenItAppearsOrChangesNotWhileItLasts() {
    var invalid = status(degraded("InvalidSpec", "bad scaling"), progressing(false, "InvalidSpec"));
    assertThat(AppEvents.between(null, invalid))
        .containsExactly(new AppEvents.Event("Warning", "InvalidSpec", "bad scaling"));
    assertThat(AppEvents.between(invalid, invalid)).isEmpty();
    var other = status(degraded("InvalidSpec", "bad webhook"), progressing(false, "InvalidSpec"));
    assertThat(AppEvents.between(invalid, other))
        .extracting(e -> e.message())
        .containsExactly("bad webhook");
  }

  @Test
  void rolloutStartsAndFinishesOnce() {
    var rolling = status(healthy(), progressing(true, "RolloutInProgress"));
    var done = status(healthy(), progressing(false, "RolloutComplete"));
    assertThat(AppEvents.between(null, rolling))
        .extracting(AppEvents.Event::reason)
        .containsExactly("RolloutStarted");
    assertThat(AppEvents.between(rolling, rolling)).isEmpty();
    assertThat(AppEvents.between(rolling, done))
        .extracting(AppEvents.Event::reason)
        .containsExactly("RolloutFinished");
    assertThat(AppEvents.between(done, done)).isEmpty();
  }

  private static VaskAppStatus status(io.fabric8.kubernetes.api.model.Condition... conditions) {
    var status = new VaskAppStatus();
    status.conditions = List.of(conditions);
    return status;
  }

  private static io.fabric8.kubernetes.api.model.Condition degraded(String reason, String message) {
    return condition("Degraded", "True", reason, message);
  }

  private static io.fabric8.kubernetes.api.model.Condition healthy() {
    return condition("Degraded", "False", "AsExpected", "fine");
  }

  private static io.fabric8.kubernetes.api.model.Condition progressing(boolean on, String reason) {
    return condition("Progressing", on ? "True" : "False", reason, "1/1 gateway pods ready");
  }

  private static io.fabric8.kubernetes.api.model.Condition condition(
      String type, String value, String reason, String message) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(value)
        .withReason(reason)
        .withMessage(message)
        .build();
  }
}
