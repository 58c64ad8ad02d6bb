package io.vask.operator;

import static io.vask.operator.Eventually.eventually;
import static io.vask.operator.StatusAssertions.assertCondition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vask.operator.model.VaskApp;
import io.vask.operator.reconcile.SpecValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The files in examples/ parse without unknown fields, pass validation and reconcile. */
class ExamplesIT {
  static final Path EXAMPLES = Path.of("..", "examples");
  static final KubernetesSerialization YAML = new KubernetesSerialization();

  @RegisterExtension
  static final OperatorFixture cluster =
      OperatorFixture.withEnv(Map.of("VASK_DEFAULT_NATS_URL", "nats://nats.vask-system:4222"));

  @Test
  void everyExampleIsAValidVaskAppThatReconciles() throws IOException {
    var apps = new ArrayList<String>();
    for (String doc : documents()) {
      HasMetadata object = YAML.unmarshal(doc, HasMetadata.class);
      if ("VaskApp".equals(object.getKind())) {
        object = YAML.unmarshal(doc, VaskApp.class);
      }
      if (object instanceof VaskApp app) {
        assertThat(withoutNulls(YAML.convertValue(app, Map.class)))
            .as("%s has no unknown or misspelt fields", app.getMetadata().getName())
            .isEqualTo(
                YAML.unmarshal(
                    new java.io.ByteArrayInputStream(
                        doc.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    new TypeReference<Map<String, Object>>() {}));
        assertThat(SpecValidator.problems(app)).isEmpty();
        apps.add(app.getMetadata().getName());
      }
      if (object instanceof io.fabric8.kubernetes.api.model.Secret secret
          && secret.getStringData() != null) {
        // The mock does not convert stringData as the API server does.
        secret.setData(io.vask.operator.dependent.SecretData.encode(secret.getStringData()));
        secret.setStringData(null);
      }
      cluster.client().resource(object).inNamespace("test").create();
    }
    assertThat(apps).containsExactlyInAnyOrder("chat", "notifications", "live", "everything");
    for (String name : apps) {
      var children = new Children(cluster.client(), name);
      eventually()
          .untilAsserted(
              () -> assertCondition(children.vaskApp(), "Degraded", "False", "AsExpected"));
      assertThat(children.deployment()).isNotNull();
    }
  }

  static List<String> documents() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      var docs = new ArrayList<String>();
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        Arrays.stream(Files.readString(file).split("(?m)^---\\s*$"))
            .filter(doc -> doc.lines().anyMatch(line -> line.startsWith("kind:")))
            .forEach(docs::add);
      }
      return docs;
    }
  }

  @SuppressWarnings("unchecked")
  static Object withoutNulls(Object value) {
    if (value instanceof Map<?, ?> map) {
      var copy = new java.util.LinkedHashMap<String, Object>();
      map.forEach(
          (k, v) -> {
            Object cleaned = withoutNulls(v);
            boolean empty =
                cleaned == null
                    || (cleaned instanceof Map<?, ?> m && m.isEmpty())
                    || (cleaned instanceof List<?> l && l.isEmpty());
            if (!empty) {
              copy.put((String) k, cleaned);
            }
          });
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ExamplesIT::withoutNulls).toList();
    }
    return value;
  }
}
