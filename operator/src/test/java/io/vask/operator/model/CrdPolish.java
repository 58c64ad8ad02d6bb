package io.vask.operator.model;

import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the CRD generator cannot express: printer columns in the order kubectl should show them (the
 * generator sorts them by JSON path), and {@code status.conditions} as a map list keyed on {@code
 * type}, as Kubernetes conventions ask.
 */
final class CrdPolish implements CRDPostProcessor {
  static final List<String> COLUMN_ORDER =
      List.of("Ready", "Reason", "Replicas", "Endpoint", "App ID", "Max Connections", "Age");

  @Override
  public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
    for (var version : ((CustomResourceDefinition) crd).getSpec().getVersions()) {
      var columns = new ArrayList<>(version.getAdditionalPrinterColumns());
      columns.sort(Comparator.comparingInt(CrdPolish::position));
      version.setAdditionalPrinterColumns(columns);
      JSONSchemaProps conditions =
          version
              .getSchema()
              .getOpenAPIV3Schema()
              .getProperties()
              .get("status")
              .getProperties()
              .get("conditions");
      conditions.setXKubernetesListType("map");
      conditions.setXKubernetesListMapKeys(List.of("type"));
      conditions.getItems().getSchema().setRequired(List.of("status", "type"));
    }
    return crd;
  }

  private static int position(CustomResourceColumnDefinition column) {
    int index = COLUMN_ORDER.indexOf(column.getName());
    return index < 0 ? COLUMN_ORDER.size() : index;
  }
}
