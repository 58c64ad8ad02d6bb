package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
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
import java.util.ArrayList;
import java.util.List;

/**
 * HorizontalPodAutoscaler {@code <name>-gateway} on CPU and/or open connections per pod (the Pods
 * metric {@value #CONNECTIONS_METRIC}). Scale-down is slow on purpose: each removed pod makes its
 * clients reconnect.
 */
@KubernetesDependent(informer = @Informer(labelSelector = GatewayDeployment.SELECTOR))
public class GatewayAutoscaler
    extends CRUDKubernetesDependentResource<HorizontalPodAutoscaler, VaskApp> {
  public static final String NAME = "autoscaler";
  public static final String CONNECTIONS_METRIC = "vask_connections";

  public GatewayAutoscaler() {
    super(HorizontalPodAutoscaler.class);
  }

  @Override
  protected HorizontalPodAutoscaler desired(VaskApp app, Context<VaskApp> context) {
    var scaling = (Scaling.Autoscaled) GatewayPlan.from(context).scaling();
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(ChildMetadata.of(app, Names.gateway(app), Labels.GATEWAY_COMPONENT))
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(Names.gateway(app))
        .endScaleTargetRef()
        .withMinReplicas(scaling.minReplicas())
        .withMaxReplicas(scaling.maxReplicas())
        .withMetrics(metrics(scaling))
        .withNewBehavior()
        .withNewScaleDown()
        .withStabilizationWindowSeconds(300)
        .addNewPolicy()
        .withType("Pods")
        .withValue(1)
        .withPeriodSeconds(60)
        .endPolicy()
        .endScaleDown()
        .endBehavior()
        .endSpec()
        .build();
  }

  static List<MetricSpec> metrics(Scaling.Autoscaled scaling) {
    var metrics = new ArrayList<MetricSpec>();
    if (scaling.targetCpuUtilization() != null) {
      metrics.add(
          new MetricSpecBuilder()
              .withType("Resource")
              .withNewResource()
              .withName("cpu")
              .withNewTarget()
              .withType("Utilization")
              .withAverageUtilization(scaling.targetCpuUtilization())
              .endTarget()
              .endResource()
              .build());
    }
    if (scaling.connectionsPerPod() != null) {
      metrics.add(
          new MetricSpecBuilder()
              .withType("Pods")
              .withNewPods()
              .withNewMetric()
              .withName(CONNECTIONS_METRIC)
              .endMetric()
              .withNewTarget()
              .withType("AverageValue")
              .withAverageValue(new Quantity(String.valueOf(scaling.connectionsPerPod())))
              .endTarget()
              .endPods()
              .build());
    }
    return metrics;
  }

  @Override
  protected ResourceID targetSecondaryResourceID(VaskApp app, Context<VaskApp> context) {
    return ChildMetadata.id(app, Names.gateway(app));
  }
}
