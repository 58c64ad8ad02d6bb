package io.vask.operator.dependent;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.GatewayPlan;
import io.vask.operator.plan.Scaling;

/**
 * When the optional children exist. A false condition makes JOSDK delete the child, so each is true
 * exactly while the spec asks for that child.
 */
public final class Preconditions {
  private Preconditions() {}

  public static final class Autoscaling implements Condition<Object, VaskApp> {
    @Override
    public boolean isMet(
        DependentResource<Object, VaskApp> dependent, VaskApp app, Context<VaskApp> context) {
      return GatewayPlan.from(context).scaling() instanceof Scaling.Autoscaled;
    }
  }

  /**
   * A PDB of maxUnavailable 1 protects nothing while only one pod can exist. With autoscaling it
   * exists whenever the HPA may add pods; at one pod it still allows that pod's eviction.
   */
  public static final class SeveralReplicas implements Condition<Object, VaskApp> {
    @Override
    public boolean isMet(
        DependentResource<Object, VaskApp> dependent, VaskApp app, Context<VaskApp> context) {
      return GatewayPlan.from(context).scaling().ceiling() > 1;
    }
  }

  public static final class IngressRequested implements Condition<Object, VaskApp> {
    @Override
    public boolean isMet(
        DependentResource<Object, VaskApp> dependent, VaskApp app, Context<VaskApp> context) {
      return app.getSpec().ingress != null;
    }
  }
}
