package io.vask.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed CRD (crds/ and the chart's copy) must be what the Java model generates. Run with
 * {@code -Dvask.crd.update=true} to rewrite both copies after changing the model.
 */
class CrdDriftTest {
  static final String FILE = "vaskapps.vask.dev-v1.yml";
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final List<Path> COMMITTED =
      List.of(
          REPO.resolve("crds").resolve(FILE), REPO.resolve("charts/vask-operator/crds/" + FILE));

  @Test
  void committedCrdsMatchTheModel(@TempDir Path out) throws IOException {
    String generated = generate(out);
    if (Boolean.getBoolean("vask.crd.update")) {
      for (Path path : COMMITTED) {
        Files.createDirectories(path.getParent());
        Files.writeString(path, generated);
      }
    }
    for (Path path : COMMITTED) {
      assertThat(path).exists();
      assertThat(Files.readString(path))
          .as("%s is stale: run mvn test -pl operator -Dvask.crd.update=true", path)
          .isEqualTo(generated);
    }
  }

  @Test
  void crdHasTheContractsUsersSee(@TempDir Path out) throws IOException {
    var crd =
        new KubernetesSerialization().unmarshal(generate(out), CustomResourceDefinition.class);
    assertThat(crd.getMetadata().getName()).isEqualTo("vaskapps.vask.dev");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("vapp");
    var version = crd.getSpec().getVersions().get(0);
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(c -> c.getName())
        .containsExactlyElementsOf(CrdPolish.COLUMN_ORDER);
    var spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    var limits = spec.getProperties().get("limits").getProperties();
    assertThat(limits.get("maxMessageBytes").getMinimum()).isEqualTo(1.0);
    assertThat(limits.get("maxMessageBytes").getMaximum()).isEqualTo(65536.0);
    var webhook = spec.getProperties().get("webhooks").getItems().getSchema();
    assertThat(webhook.getRequired()).contains("url", "events");
    assertThat(webhook.getProperties().get("url").getPattern()).isEqualTo(WebhookSpec.URL_PATTERN);
    assertThat(webhook.getProperties().get("events").getMinItems()).isEqualTo(1L);
    assertThat(webhook.getProperties().get("events").getItems().getSchema().getEnum())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder(
            "\"channel_occupied\"",
            "\"channel_vacated\"",
            "\"member_added\"",
            "\"member_removed\"",
            "\"client_event\"",
            "\"cache_miss\"",
            "\"subscription_count\"");
    assertThat(spec.getProperties().get("scaling").getXKubernetesValidations())
        .extracting(rule -> rule.getMessage())
        .contains(ScalingSpec.EXCLUSIVE_MESSAGE, ScalingSpec.MIN_MAX_MESSAGE);
    var conditions =
        version
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("status")
            .getProperties()
            .get("conditions");
    assertThat(conditions.getXKubernetesListType()).isEqualTo("map");
    assertThat(conditions.getXKubernetesListMapKeys()).containsExactly("type");
  }

  static String generate(Path out) throws IOException {
    new CRDGenerator()
        .customResourceClasses(VaskApp.class)
        .forCRDVersions("v1")
        .withPostProcessor(new CrdPolish())
        .inOutputDir(out.toFile())
        .generate();
    return Files.readString(out.resolve(FILE));
  }
}
