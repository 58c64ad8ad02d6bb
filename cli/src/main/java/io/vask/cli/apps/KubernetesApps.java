package io.vask.cli.apps;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.vask.cli.CliException;
import io.vask.cli.config.AppCredentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VaskApp resources (vask.dev/v1alpha1) as generic resources, so the CLI does not depend on the
 * operator's model. Only the operator writes status; the CLI creates specs and Secrets and reads.
 */
public final class KubernetesApps implements AppStore {
  static final ResourceDefinitionContext VASK_APPS =
      new ResourceDefinitionContext.Builder()
          .withGroup("vask.dev")
          .withVersion("v1alpha1")
          .withKind("VaskApp")
          .withPlural("vaskapps")
          .withNamespaced(true)
          .build();

  private final KubernetesClient client;
  private final String namespace;

  public KubernetesApps(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  @Override
  public List<Map<String, Object>> list() {
    return call(() -> apps().list().getItems().stream().map(KubernetesApps::summary).toList());
  }

  @Override
  public Optional<AppCredentials> create(Optional<String> name) {
    String app = required(name);
    call(() -> apps().resource(vaskApp(app, Map.of())).create());
    return Optional.empty();
  }

  @Override
  public void importApp(Optional<String> name, AppCredentials credentials) {
    String app = required(name);
    String secretName = app + "-pusher-credentials";
    if (call(() -> apps().withName(app).get()) != null) {
      throw CliException.failed("VaskApp " + namespace + "/" + app + " already exists");
    }
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(secretName)
            .withNamespace(namespace)
            .endMetadata()
            .withStringData(credentials.asJson())
            .build();
    call(() -> client.secrets().inNamespace(namespace).resource(secret).create());
    var spec =
        Map.<String, Object>of("credentials", Map.of("secretRef", Map.of("name", secretName)));
    call(() -> apps().resource(vaskApp(app, spec)).create());
  }

  @Override
  public AppCredentials credentials(String name) {
    GenericKubernetesResource app = call(() -> apps().withName(name).get());
    if (app == null) {
      throw CliException.failed("no VaskApp " + namespace + "/" + name);
    }
    Object secretName = status(app).get("credentialsSecret");
    if (secretName == null) {
      throw CliException.failed(
          "VaskApp " + name + " has no credentials yet (status.credentialsSecret is empty)");
    }
    Secret secret =
        call(() -> client.secrets().inNamespace(namespace).withName(secretName.toString()).get());
    if (secret == null) {
      throw CliException.failed("Secret " + namespace + "/" + secretName + " does not exist");
    }
    return new AppCredentials(
        field(secret, "app_id"), field(secret, "key"), field(secret, "secret"));
  }

  @Override
  public void close() {
    client.close();
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      apps() {
    return client.genericKubernetesResources(VASK_APPS).inNamespace(namespace);
  }

  private GenericKubernetesResource vaskApp(String name, Map<String, Object> spec) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("vask.dev/v1alpha1")
        .withKind("VaskApp")
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
  }

  private static Map<String, Object> summary(GenericKubernetesResource app) {
    Map<String, Object> status = status(app);
    var json = new LinkedHashMap<String, Object>();
    json.put("name", app.getMetadata().getName());
    json.put("namespace", app.getMetadata().getNamespace());
    json.put("app_id", status.get("appId"));
    json.put("key", status.get("key"));
    json.put("ready_replicas", status.get("readyReplicas"));
    return json;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> status(GenericKubernetesResource app) {
    Object status = app.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static String field(Secret secret, String key) {
    String data = secret.getData() == null ? null : secret.getData().get(key);
    if (data != null) {
      return new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
    }
    String plain = secret.getStringData() == null ? null : secret.getStringData().get(key);
    if (plain == null) {
      throw CliException.failed("Secret " + secret.getMetadata().getName() + " has no key " + key);
    }
    return plain;
  }

  private String required(Optional<String> name) {
    return name.orElseThrow(() -> CliException.usage("a VaskApp needs a NAME"));
  }

  private <T> T call(java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw CliException.failed("already exists: " + e.getMessage());
      }
      if (e.getCode() == 401 || e.getCode() == 403 || e.getCode() == 0) {
        throw CliException.connection("Kubernetes API: " + e.getMessage(), e);
      }
      throw CliException.failed("Kubernetes API: " + e.getMessage());
    }
  }
}
