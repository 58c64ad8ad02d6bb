package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;

/**
 * PodDisruptionBudget {@code <name>-gateway}: node drains evict one gateway pod at a time, so its
 * clients can reconnect to the others. Only exists with more than one replica, where it cannot
 * block a drain forever.
 */
@KubernetesDependent(informer = @Informer(labelSelector = GatewayDeployment.SELECTOR))
public class GatewayDisruptionBudget
    extends CRUDKubernetesDependentResource<PodDisruptionBudget, VaskApp> {
  public static final String NAME = "disruption-budget";

  public GatewayDisruptionBudget() {
    super(PodDisruptionBudget.class);
  }

  @Override
  protected PodDisruptionBudget desired(VaskApp app, Context<VaskApp> context) {
    return new PodDisruptionBudgetBuilder()
        .withMetadata(ChildMetadata.of(app, Names.gateway(app), Labels.GATEWAY_COMPONENT))
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withNewSelector()
        .withMatchLabels(Labels.selector(app))
        .endSelector()
        .endSpec()
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(VaskApp app, Context<VaskApp> context) {
    return ChildMetadata.id(app, Names.gateway(app));
  }
}
