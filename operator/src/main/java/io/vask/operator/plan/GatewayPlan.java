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
 * @param container what each gateway container runs with
 * @param nats the cluster the pods join, if any
 * @param appsFile the apps-file JSON for the gateway (contains the secret)
 * @param restartHash hash of exactly the values whose change needs new pods
 */
public record GatewayPlan(
    Credentials credentials,
    Container container,
    Nats nats,
    PodOptions pod,
    Scaling scaling,
    String appsFile,
    String restartHash,
    Endpoints endpoints) {

  /** The gateway container's image and resources, and how long a stopping pod drains. */
  public record Container(String image, ResourceRequirements resources, int drainSeconds) {}

  /**
   * The NATS URL (none: single node) and the spec's NATS credentials and TLS Secrets, when it names
   * any.
   */
  public record Nats(Optional<String> url, Optional<NatsSpec> access) {}

  public String image() {
    return container.image();
  }

  public ResourceRequirements resources() {
    return container.resources();
  }

  public int drainSeconds() {
    return container.drainSeconds();
  }

  public Optional<String> natsUrl() {
    return nats.url();
  }

  public Optional<NatsSpec> natsAccess() {
    return nats.access();
  }

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
