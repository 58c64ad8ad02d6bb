package io.vask.cli.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.vask.cli.ExitCodes;
import io.vask.cli.support.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vask apps against fabric8's CRUD API-server mock, reached through a kubeconfig file. */
@EnableKubernetesMockClient(crud = true)
class KubernetesAppsCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  KubernetesClient client;

  @TempDir Path dir;
  private Map<String, String> env;

  @BeforeEach
  void kubeconfig() throws Exception {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: mock",
            "  cluster:",
            "    server: " + client.getConfiguration().getMasterUrl(),
            "    insecure-skip-tls-verify: true",
            "users:",
            "- name: mock",
            "  user: {token: test}",
            "contexts:",
            "- name: mock",
            "  context: {cluster: mock, user: mock, namespace: web}",
            "current-context: mock",
            ""));
    env = Map.of("KUBECONFIG", file.toString());
  }

  private GenericKubernetesResource vaskApp(String name) {
    return client
        .genericKubernetesResources(KubernetesApps.VASK_APPS)
        .inNamespace("web")
        .withName(name)
        .get();
  }

  @Test
  void createMakesAVaskAppTheOperatorFillsAndListShowsIt() throws Exception {
    var created = CliRun.run(env, "apps", "create", "chat");
    var list = CliRun.run(env, "apps", "list");

    assertThat(created.code()).as(created.err()).isZero();
    assertThat(JSON.readTree(created.out()).get("name").asText()).isEqualTo("chat");
    GenericKubernetesResource app = vaskApp("chat");
    assertThat(app.getApiVersion()).isEqualTo("vask.dev/v1alpha1");
    assertThat(app.getAdditionalProperties().get("spec")).isEqualTo(Map.of());
    assertThat(list.code()).isZero();
    JsonNode listed = JSON.readTree(list.out().strip());
    assertThat(listed.get("name").asText()).isEqualTo("chat");
    assertThat(listed.get("namespace").asText()).isEqualTo("web");

    var again = CliRun.run(env, "apps", "create", "chat");
    assertThat(again.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(again.err()).startsWith("vask: already exists");
  }

  @Test
  void importCreatesTheSecretAndAVaskAppReferencingIt() {
    var result =
        CliRun.run(
            env,
            "apps",
            "import",
            "legacy",
            "-n",
            "other",
            "--app-id",
            "77",
            "--key",
            "pk",
            "--secret",
            "ps");

    assertThat(result.code()).as(result.err()).isZero();
    Secret secret =
        client.secrets().inNamespace("other").withName("legacy-pusher-credentials").get();
    assertThat(decoded(secret)).isEqualTo(Map.of("app_id", "77", "key", "pk", "secret", "ps"));
    GenericKubernetesResource app =
        client
            .genericKubernetesResources(KubernetesApps.VASK_APPS)
            .inNamespace("other")
            .withName("legacy")
            .get();
    assertThat(app.getAdditionalProperties().get("spec"))
        .isEqualTo(
            Map.of(
                "credentials", Map.of("secretRef", Map.of("name", "legacy-pusher-credentials"))));
  }

  @Test
  void credentialsReadTheSecretNamedInTheStatus() {
    client
        .secrets()
        .inNamespace("web")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("chat-credentials")
                .endMetadata()
                .addToData("app_id", b64("123"))
                .addToData("key", b64("the-key"))
                .addToData("secret", b64("the-secret"))
                .build())
        .create();
    client
        .genericKubernetesResources(KubernetesApps.VASK_APPS)
        .inNamespace("web")
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("vask.dev/v1alpha1")
                .withKind("VaskApp")
                .withNewMetadata()
                .withName("chat")
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of())
                .addToAdditionalProperties(
                    "status", Map.of("credentialsSecret", "chat-credentials"))
                .build())
        .create();

    var env1 = CliRun.run(env, "apps", "credentials", "chat", "--format", "env");
    var missing = CliRun.run(env, "apps", "credentials", "nope");

    assertThat(env1.code()).as(env1.err()).isZero();
    assertThat(env1.out())
        .isEqualTo("PUSHER_APP_ID=123\nPUSHER_APP_KEY=the-key\nPUSHER_APP_SECRET=the-secret\n");
    assertThat(missing.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(missing.err()).isEqualTo("vask: no VaskApp web/nope\n");
  }

  private static String b64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> decoded(Secret secret) {
    if (secret.getStringData() != null && !secret.getStringData().isEmpty()) {
      return secret.getStringData();
    }
    var plain = new java.util.TreeMap<String, String>();
    secret
        .getData()
        .forEach(
            (k, v) ->
                plain.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return plain;
  }
}
