package io.vask.operator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.vask.operator.model.VaskAppStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the condition list of a new status. A condition keeps its previous {@code
 * lastTransitionTime} unless its status flipped, so reconciles that change nothing produce an equal
 * status and no patch.
 */
final class Conditions {
  static final String READY = "Ready";
  static final String PROGRESSING = "Progressing";
  static final String DEGRADED = "Degraded";

  /** Only while spec.httpRoute is set: whether its HTTPRoute exists. */
  static final String ROUTED = "Routed";

  /** Only while spec.monitoring.podMonitor is true: whether its PodMonitor exists. */
  static final String MONITORED = "Monitored";

  private final VaskAppStatus previous;
  private final long generation;
  private final Instant now;
  private final List<Condition> conditions = new ArrayList<>();

  Conditions(VaskAppStatus previous, long generation, Instant now) {
    this.previous = previous;
    this.generation = generation;
    this.now = now;
  }

  Conditions set(String type, boolean status, String reason, String message) {
    String value = status ? "True" : "False";
    String transition =
        previous == null
            ? null
            : previous
                .condition(type)
                .filter(c -> value.equals(c.getStatus()))
                .map(Condition::getLastTransitionTime)
                .orElse(null);
    conditions.add(
        new ConditionBuilder()
            .withType(type)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(transition != null ? transition : now.toString())
            .build());
    return this;
  }

  List<Condition> list() {
    return List.copyOf(conditions);
  }
}
