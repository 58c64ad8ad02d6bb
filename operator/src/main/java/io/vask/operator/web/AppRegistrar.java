package io.vask.operator.web;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vask.contract.rules.AppId;
import io.vask.operator.model.CredentialsSpec;
import io.vask.operator.model.SecretReference;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppSpec;
import io.vask.operator.plan.Credentials;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Creates a registered user's app: fresh credentials in a Secret, and a VaskApp {@code gh-<user>}
 * referencing it through {@code spec.credentials.secretRef} (so the credentials can be returned at
 * once, before any reconcile), plus a Kubernetes Event on the VaskApp.
 */
public final class AppRegistrar {
  public static final String USER_ANNOTATION = "vask.dev/github-user";
  private final SecureRandom random = new SecureRandom();
  private final KubernetesClient client;
  private final String namespace;
  private final Clock clock;

  public AppRegistrar(KubernetesClient client, String namespace, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.clock = clock;
  }

  /** The app's name for a GitHub user: {@code gh-} and the lower-cased login. */
  public static String appName(String user) {
    return "gh-" + user.toLowerCase(Locale.ROOT);
  }

  public Credentials register(String user, String address) {
    String name = appName(user);
    if (client.resources(VaskApp.class).inNamespace(namespace).withName(name).get() != null) {
      throw new RegistrationRefused(409, "GitHub user " + user + " already has an app: " + name);
    }
    var credentials =
        new Credentials(AppId.generate(random), hex(10), hex(20), name + "-registered-credentials");
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withMetadata(metadata(credentials.secretName(), user))
                .withStringData(credentials.asSecretData())
                .build())
        .create();
    var app = new VaskApp();
    app.setMetadata(metadata(name, user));
    app.setSpec(new VaskAppSpec());
    app.getSpec().credentials = new CredentialsSpec();
    app.getSpec().credentials.secretRef = new SecretReference(credentials.secretName());
    try {
      app = client.resource(app).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw new RegistrationRefused(409, "GitHub user " + user + " already has an app: " + name);
      }
      throw e;
    }
    event(app, "GitHub user " + user + " registered app " + name + " from " + address);
    return credentials;
  }

  private ObjectMeta metadata(String name, String user) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withAnnotations(Map.of(USER_ANNOTATION, user))
        .withLabels(Map.of("app.kubernetes.io/managed-by", "vask-operator"))
        .build();
  }

  private void event(VaskApp app, String message) {
    String now = clock.instant().toString();
    client
        .v1()
        .events()
        .inNamespace(namespace)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName(app.getMetadata().getName() + "." + hex(8))
                .withNamespace(namespace)
                .endMetadata()
                .withInvolvedObject(
                    new ObjectReferenceBuilder()
                        .withApiVersion(app.getApiVersion())
                        .withKind(app.getKind())
                        .withName(app.getMetadata().getName())
                        .withNamespace(namespace)
                        .withUid(app.getMetadata().getUid())
                        .build())
                .withReason("Registered")
                .withMessage(message)
                .withType("Normal")
                .withNewSource()
                .withComponent("vask-operator")
                .endSource()
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .build())
        .create();
  }

  private String hex(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }
}
