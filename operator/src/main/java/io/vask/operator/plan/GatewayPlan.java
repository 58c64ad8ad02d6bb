package io.vask.operator.plan;

import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.vask.operator.model.Endpoints;
import io.vask.operator.model.NatsSpec;
import io.vask.operator.model.VaskApp;
import java.util.Optional;

/**
 * Everything the child objects of one VaskApp are rendered from.
 *
 * @param appsFile the apps-file JSON for the gateway (contains the secret)
 * @param natsAccess the spec's NATS credentials and TLS Secrets, when it names any
 * @param restartHash hash of exactly the values whose change needs new pods
 */
public record GatewayPlan(
    Credentials credentials,
    String image,
    Optional<String> natsUrl,
    Optional<NatsSpec> natsAccess,
    ResourceRequirements resources,
    int drainSeconds,
    Scaling scaling,
    String appsFile,
    String restartHash,
    Endpoints endpoints) {

  private static final String CONTEXT_KEY = GatewayPlan.class.getName();

  /** Hands the plan to the dependents of this reconcile. */
  public void storeIn(Context<VaskApp> context) {
    context.managedWorkflowAndDependentResourceContext().put(CONTEXT_KEY, this);
  }

  /** The plan stored by the reconciler; dependents render only inside a reconcile. */
  public static GatewayPlan from(Context<VaskApp> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .get(CONTEXT_KEY, GatewayPlan.class)
        .orElseThrow(
            () -> new IllegalStateException("no GatewayPlan in the context of this reconcile"));
  }
}
