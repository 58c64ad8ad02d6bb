package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.vask.operator.model.IngressSpec;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingress {@code <name>-gateway} for {@code spec.ingress.host}. Ingress controllers close idle
 * proxied connections after about a minute by default, which would cut WebSockets whose clients
 * ping every two minutes; the annotations lift that to an hour.
 */
@KubernetesDependent(informer = @Informer(labelSelector = GatewayDeployment.SELECTOR))
public class GatewayIngress extends CRUDKubernetesDependentResource<Ingress, VaskApp> {
  public static final String NAME = "ingress";
  static final String LONG_TIMEOUT_SECONDS = "3600";

  public GatewayIngress() {
    super(Ingress.class);
  }

  @Override
  protected Ingress desired(VaskApp app, Context<VaskApp> context) {
    IngressSpec spec = app.getSpec().ingress;
    var metadata = ChildMetadata.of(app, Names.gateway(app), Labels.GATEWAY_COMPONENT);
    var annotations = webSocketAnnotations();
    if (spec.annotations != null) {
      annotations.putAll(spec.annotations);
    }
    metadata.setAnnotations(annotations);
    var builder =
        new IngressBuilder()
            .withMetadata(metadata)
            .withNewSpec()
            .withIngressClassName(spec.className)
            .addNewRule()
            .withHost(spec.host)
            .withNewHttp()
            .addNewPath()
            .withPath("/")
            .withPathType("Prefix")
            .withNewBackend()
            .withNewService()
            .withName(Names.gateway(app))
            .withNewPort()
            .withName("http")
            .endPort()
            .endService()
            .endBackend()
            .endPath()
            .endHttp()
            .endRule()
            .endSpec();
    if (spec.tlsSecretName != null) {
      builder
          .editSpec()
          .withTls(
              new IngressTLSBuilder()
                  .withHosts(List.of(spec.host))
                  .withSecretName(spec.tlsSecretName)
                  .build())
          .endSpec();
    }
    return builder.build();
  }

  /** ingress-nginx names; other controllers ignore them (HAProxy and Traefik need none). */
  static Map<String, String> webSocketAnnotations() {
    var annotations = new LinkedHashMap<String, String>();
    annotations.put("nginx.ingress.kubernetes.io/proxy-read-timeout", LONG_TIMEOUT_SECONDS);
    annotations.put("nginx.ingress.kubernetes.io/proxy-send-timeout", LONG_TIMEOUT_SECONDS);
    annotations.put("nginx.ingress.kubernetes.io/proxy-body-size", "1m");
    return annotations;
  }

  @Override
  protected ResourceID targetSecondaryResourceID(VaskApp app, Context<VaskApp> context) {
    return ChildMetadata.id(app, Names.gateway(app));
  }
}
