package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.GatewayPlan;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;
import io.vask.operator.plan.Scaling;

/** The gateway Deployment {@code <name>-gateway}. */
@KubernetesDependent(informer = @Informer(labelSelector = GatewayDeployment.SELECTOR))
public class GatewayDeployment extends CRUDKubernetesDependentResource<Deployment, VaskApp> {
  public static final String NAME = "deployment";
  static final String SELECTOR =
      Labels.MANAGED + "," + Labels.COMPONENT + "=" + Labels.GATEWAY_COMPONENT;

  public GatewayDeployment() {
    super(Deployment.class);
  }

  @Override
  protected Deployment desired(VaskApp app, Context<VaskApp> context) {
    GatewayPlan plan = GatewayPlan.from(context);
    return new DeploymentBuilder()
        .withMetadata(ChildMetadata.of(app, Names.gateway(app), Labels.GATEWAY_COMPONENT))
        .withNewSpec()
        .withReplicas(replicas(plan.scaling(), getSecondaryResource(app, context).orElse(null)))
        .withRevisionHistoryLimit(5)
        .withNewSelector()
        .withMatchLabels(Labels.selector(app))
        .endSelector()
        // Never go below the current capacity while rolling: every lost pod drops sockets.
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString("25%"))
        .withMaxUnavailable(new IntOrString(0))
        .endRollingUpdate()
        .endStrategy()
        .withTemplate(GatewayPodTemplate.of(app, plan))
        .endSpec()
        .build();
  }

  /**
   * With autoscaling the HPA owns the count: keep the live value (clamped to the bounds), since a
   * missing field would be defaulted to 1 by the API server on every update and fight the HPA.
   */
  static int replicas(Scaling scaling, Deployment live) {
    if (scaling instanceof Scaling.Autoscaled auto) {
      Integer current = live == null ? null : live.getSpec().getReplicas();
      return current == null
          ? auto.minReplicas()
          : Math.max(auto.minReplicas(), Math.min(auto.maxReplicas(), current));
    }
    return ((Scaling.Fixed) scaling).replicas();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(VaskApp app, Context<VaskApp> context) {
    return ChildMetadata.id(app, Names.gateway(app));
  }
}
