package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.vask.operator.model.ServiceSpec;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.GatewayPlanner;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;
import java.util.LinkedHashMap;

/**
 * Service {@code <name>-gateway} (ClusterIP unless {@code spec.service.type} says otherwise):
 * WebSocket + HTTP API, and metrics for scraping.
 */
@KubernetesDependent(informer = @Informer(labelSelector = GatewayDeployment.SELECTOR))
public class GatewayService extends CRUDKubernetesDependentResource<Service, VaskApp> {
  public static final String NAME = "service";

  public GatewayService() {
    super(Service.class);
  }

  @Override
  protected Service desired(VaskApp app, Context<VaskApp> context) {
    ServiceSpec spec = app.getSpec().service == null ? new ServiceSpec() : app.getSpec().service;
    var metadata = ChildMetadata.of(app, Names.gateway(app), Labels.GATEWAY_COMPONENT);
    if (spec.annotations != null && !spec.annotations.isEmpty()) {
      metadata.setAnnotations(new LinkedHashMap<>(spec.annotations));
    }
    ServiceSpec.Type type = spec.type == null ? ServiceSpec.Type.ClusterIP : spec.type;
    return new ServiceBuilder()
        .withMetadata(metadata)
        .withNewSpec()
        .withType(type.name())
        .withSelector(Labels.selector(app))
        .addNewPort()
        .withName("http")
        .withPort(GatewayPlanner.HTTP_PORT)
        .withTargetPort(new IntOrString("http"))
        .withProtocol("TCP")
        .endPort()
        .addNewPort()
        .withName("metrics")
        .withPort(GatewayPodTemplate.METRICS_PORT)
        .withTargetPort(new IntOrString("metrics"))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(VaskApp app, Context<VaskApp> context) {
    return ChildMetadata.id(app, Names.gateway(app));
  }
}
