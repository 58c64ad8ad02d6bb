package io.vask.operator;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Locale;

/** Installs an add-on's CRD in the mock (schema-less), as a cluster with that add-on has. */
public final class AddOnCrds {
  private AddOnCrds() {}

  /** The Gateway API's HTTPRoute. */
  public static void gatewayApi(KubernetesClient client) {
    install(client, "gateway.networking.k8s.io", "HTTPRoute", "httproutes");
  }

  /** The Prometheus Operator's PodMonitor. */
  public static void prometheusOperator(KubernetesClient client) {
    install(client, "monitoring.coreos.com", "PodMonitor", "podmonitors");
  }

  private static void install(KubernetesClient client, String group, String kind, String plural) {
    CustomResourceDefinition crd =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName(plural + "." + group)
            .endMetadata()
            .withNewSpec()
            .withGroup(group)
            .withScope("Namespaced")
            .withNewNames()
            .withKind(kind)
            .withPlural(plural)
            .withSingular(kind.toLowerCase(Locale.ROOT))
            .withListKind(kind + "List")
            .endNames()
            .addNewVersion()
            .withName("v1")
            .withServed(true)
            .withStorage(true)
            .withNewSchema()
            .withNewOpenAPIV3Schema()
            .withType("object")
            .withXKubernetesPreserveUnknownFields(true)
            .endOpenAPIV3Schema()
            .endSchema()
            .endVersion()
            .endSpec()
            .build();
    client.resource(crd).create();
  }
}
