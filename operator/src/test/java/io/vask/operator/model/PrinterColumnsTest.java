package io.vask.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** kubectl get shows why an app is not ready; -o wide adds the app id and connection limit. */
class PrinterColumnsTest {

  @Test
  void reasonIsShownAndAppIdAndConnectionsAreWide() throws IOException {
    var crd =
        new KubernetesSerialization()
            .unmarshal(
                Files.readString(CrdDriftTest.COMMITTED.get(0)), CustomResourceDefinition.class);
    Map<String, CustomResourceColumnDefinition> columns =
        crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns().stream()
            .collect(Collectors.toMap(CustomResourceColumnDefinition::getName, c -> c));

    assertThat(columns.get("Reason").getJsonPath())
        .isEqualTo(".status.conditions[?(@.type==\"Ready\")].reason");
    assertThat(columns.get("Reason").getPriority()).isZero();
    assertThat(columns.get("App ID").getJsonPath()).isEqualTo(".status.appId");
    assertThat(columns.get("App ID").getPriority()).isEqualTo(1);
    assertThat(columns.get("Max Connections").getJsonPath())
        .isEqualTo(".spec.limits.maxConnections");
    assertThat(columns.get("Max Connections").getPriority()).isEqualTo(1);
  }
}
