package io.vask.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/kubernetes.md documents every VaskApp spec field: each leaf of the CRD's spec schema is a
 * row of the field table, or lies under one (a Kubernetes type such as gateway.affinity is one
 * row).
 */
class FieldsDocTest {
  static final Path DOC = CrdDriftTest.REPO.resolve("docs/kubernetes.md");

  @Test
  void everySpecFieldHasATableRow() throws IOException {
    var crd =
        new KubernetesSerialization()
            .unmarshal(
                Files.readString(CrdDriftTest.COMMITTED.get(0)), CustomResourceDefinition.class);
    JSONSchemaProps spec =
        crd.getSpec()
            .getVersions()
            .get(0)
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("spec");
    var leaves = new ArrayList<String>();
    collect("", spec, leaves);
    Set<String> rows =
        Files.readString(DOC)
            .lines()
            .filter(line -> line.startsWith("| `"))
            .map(line -> line.substring(3, line.indexOf('`', 3)))
            .collect(Collectors.toSet());
    assertThat(leaves).hasSizeGreaterThan(40);
    assertThat(leaves)
        .as("spec fields without a row in the table of %s", DOC)
        .allSatisfy(leaf -> assertThat(documented(leaf, rows)).as(leaf).isTrue());
  }

  private static boolean documented(String leaf, Set<String> rows) {
    for (String path = leaf; !path.isEmpty(); path = parent(path)) {
      if (rows.contains(path)) {
        return true;
      }
    }
    return false;
  }

  private static String parent(String path) {
    if (path.endsWith("[]")) {
      return path.substring(0, path.length() - 2);
    }
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }

  private static void collect(String path, JSONSchemaProps schema, List<String> leaves) {
    if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
      schema
          .getProperties()
          .forEach(
              (name, child) -> collect(path.isEmpty() ? name : path + "." + name, child, leaves));
    } else if (schema.getItems() != null && schema.getItems().getSchema() != null) {
      collect(path + "[]", schema.getItems().getSchema(), leaves);
    } else {
      leaves.add(path);
    }
  }
}
