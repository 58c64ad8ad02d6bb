package io.vask.operator.dashboard;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vask.operator.model.CredentialsSpec;
import io.vask.operator.model.FeaturesSpec;
import io.vask.operator.model.ScalingSpec;
import io.vask.operator.model.SecretReference;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppSpec;
import io.vask.operator.plan.Credentials;
import io.vask.operator.plan.Names;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard reads and writes, with the operator's client; {@link Gate} has checked the
 * user's rights before any call.
 */
public final class DashboardApps {
  static final String CREATED_BY = "vask.dev/created-by";
  private static final Map<String, String> MANAGED_BY =
      Map.of("app.kubernetes.io/managed-by", "vask-operator");

  private final KubernetesClient client;

  public DashboardApps(KubernetesClient client) {
    this.client = client;
  }

  /** The apps of one namespace, or of all of them for an empty namespace, by namespace and name. */
  public List<VaskApp> list(String namespace) {
    var apps = client.resources(VaskApp.class);
    var items =
        namespace.isEmpty()
            ? apps.inAnyNamespace().list().getItems()
            : apps.inNamespace(namespace).list().getItems();
    return items.stream()
        .sorted(
            Comparator.comparing((VaskApp app) -> app.getMetadata().getNamespace())
                .thenComparing(app -> app.getMetadata().getName()))
        .toList();
  }

  public AppSummary create(NewApp form, String user) {
    var spec = new VaskAppSpec();
    spec.features = new FeaturesSpec();
    spec.features.clientEvents = form.clientEvents() ? true : null;
    spec.features.userAuthentication = form.userAuthentication() ? true : null;
    spec.features.subscriptionCount = form.subscriptionCount() ? true : null;
    if (form.replicas() != null) {
      spec.scaling = ScalingSpec.fixed(form.replicas());
    }
    return AppSummary.of(createApp(form.namespace(), form.name(), spec, user));
  }

  /** A Secret with the credentials, then a VaskApp that references it. */
  public AppSummary importCredentials(ImportedCredentials form, String user) {
    if (app(form.namespace(), form.name()).isPresent()) {
      throw alreadyExists(form.namespace(), form.name());
    }
    String secretName = form.name() + "-imported-credentials";
    var credentials = new Credentials(form.appId(), form.key(), form.secret(), secretName);
    try {
      client
          .secrets()
          .inNamespace(form.namespace())
          .resource(
              new SecretBuilder()
                  .withMetadata(metadata(form.namespace(), secretName, user))
                  .withStringData(credentials.asSecretData())
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      throw e.getCode() == 409
          ? new DashboardRefused(409, "Secret " + form.namespace() + "/" + secretName + " exists")
          : e;
    }
    var spec = new VaskAppSpec();
    spec.credentials = new CredentialsSpec();
    spec.credentials.secretRef = new SecretReference(secretName);
    return AppSummary.of(createApp(form.namespace(), form.name(), spec, user));
  }

  public Optional<VaskApp> app(String namespace, String name) {
    return Optional.ofNullable(
        client.resources(VaskApp.class).inNamespace(namespace).withName(name).get());
  }

  /** The Secret the app's credentials are in: as the status says, else as the spec implies. */
  public static String credentialsSecret(VaskApp app) {
    if (app.getStatus() != null && app.getStatus().credentialsSecret != null) {
      return app.getStatus().credentialsSecret;
    }
    return app.getSpec() != null && app.getSpec().importsCredentials()
        ? app.getSpec().credentials.secretRef.name
        : Names.credentialsSecret(app);
  }

  public Credentials credentials(VaskApp app) {
    String namespace = app.getMetadata().getNamespace();
    String secretName = credentialsSecret(app);
    Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
    if (secret == null) {
      throw new DashboardRefused(
          404, "Secret " + namespace + "/" + secretName + " does not exist (yet)");
    }
    return new Credentials(
        value(secret, Credentials.APP_ID),
        value(secret, Credentials.KEY),
        value(secret, Credentials.SECRET),
        secretName);
  }

  private VaskApp createApp(String namespace, String name, VaskAppSpec spec, String user) {
    var app = new VaskApp();
    app.setMetadata(metadata(namespace, name, user));
    app.setSpec(spec);
    try {
      return client.resource(app).create();
    } catch (KubernetesClientException e) {
      throw e.getCode() == 409 ? alreadyExists(namespace, name) : e;
    }
  }

  private static DashboardRefused alreadyExists(String namespace, String name) {
    return new DashboardRefused(409, "VaskApp " + namespace + "/" + name + " already exists");
  }

  private static io.fabric8.kubernetes.api.model.ObjectMeta metadata(
      String namespace, String name, String user) {
    return new ObjectMetaBuilder()
        .withNamespace(namespace)
        .withName(name)
        .withLabels(MANAGED_BY)
        .withAnnotations(Map.of(CREATED_BY, user))
        .build();
  }

  private static String value(Secret secret, String key) {
    if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
      return secret.getStringData().get(key);
    }
    String encoded = secret.getData() == null ? null : secret.getData().get(key);
    if (encoded == null) {
      throw new DashboardRefused(
          409, "Secret " + secret.getMetadata().getName() + " has no key " + key);
    }
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }
}
