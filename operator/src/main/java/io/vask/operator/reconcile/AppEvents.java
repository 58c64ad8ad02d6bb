package io.vask.operator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.vask.operator.model.VaskAppStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kubernetes Events worth telling about a VaskApp, derived from how its status changed: a
 * problem appearing (invalid spec, conflict, missing credentials...), a rollout starting or
 * finishing. Derived from transitions only, so a resync that changes nothing repeats nothing.
 */
final class AppEvents {
  static final String NORMAL = "Normal";
  static final String WARNING = "Warning";
  static final String CREDENTIALS_GENERATED = "CredentialsGenerated";
  static final String ROLLOUT_STARTED = "RolloutStarted";
  static final String ROLLOUT_FINISHED = "RolloutFinished";

  /**
   * @param type Normal or Warning
   * @param reason CamelCase, as in the status conditions
   */
  record Event(String type, String reason, String message) {}

  private AppEvents() {}

  static Event credentialsGenerated(String secretName) {
    return new Event(
        NORMAL, CREDENTIALS_GENERATED, "generated Pusher credentials into Secret " + secretName);
  }

  static List<Event> between(VaskAppStatus before, VaskAppStatus after) {
    var events = new ArrayList<Event>();
    Optional<Condition> degraded = active(after, Conditions.DEGRADED);
    if (degraded.isPresent() && !sameProblem(active(before, Conditions.DEGRADED), degraded)) {
      events.add(new Event(WARNING, degraded.get().getReason(), degraded.get().getMessage()));
    }
    Optional<Condition> rolling = active(after, Conditions.PROGRESSING);
    boolean wasRolling = active(before, Conditions.PROGRESSING).isPresent();
    if (rolling.isPresent() && !wasRolling) {
      events.add(new Event(NORMAL, ROLLOUT_STARTED, rolling.get().getMessage()));
    }
    Optional<Condition> finished =
        condition(after, Conditions.PROGRESSING)
            .filter(c -> StatusComposer.ROLLOUT_COMPLETE.equals(c.getReason()));
    if (finished.isPresent() && wasRolling) {
      events.add(new Event(NORMAL, ROLLOUT_FINISHED, finished.get().getMessage()));
    }
    return events;
  }

  private static boolean sameProblem(Optional<Condition> before, Optional<Condition> after) {
    return before.isPresent()
        && Objects.equals(before.get().getReason(), after.get().getReason())
        && Objects.equals(before.get().getMessage(), after.get().getMessage());
  }

  /** The condition when its status is True. */
  private static Optional<Condition> active(VaskAppStatus status, String type) {
    return condition(status, type).filter(c -> "True".equals(c.getStatus()));
  }

  private static Optional<Condition> condition(VaskAppStatus status, String type) {
    return status == null ? Optional.empty() : status.condition(type);
  }
}
