package io.vask.operator;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Installs the Gateway API's HTTPRoute CRD in the mock, as a cluster with the Gateway API has. */
public final class GatewayApiCrd {
  private GatewayApiCrd() {}

  public static void install(KubernetesClient client) {
    CustomResourceDefinition crd =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName("httproutes.gateway.networking.k8s.io")
            .endMetadata()
            .withNewSpec()
            .withGroup("gateway.networking.k8s.io")
            .withScope("Namespaced")
            .withNewNames()
            .withKind("HTTPRoute")
            .withPlural("httproutes")
            .withSingular("httproute")
            .withListKind("HTTPRouteList")
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
