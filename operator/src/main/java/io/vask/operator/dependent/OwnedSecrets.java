package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.Credentials;
import io.vask.operator.plan.GatewayPlan;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;
import java.util.Objects;
import java.util.Optional;

/**
 * The Secrets a VaskApp involves (generated credentials, the apps file, imported credentials), read
 * and written by name. Unlike the other children they have no informer: watching Secrets, even
 * label-selected, needs list and watch on every Secret in scope, and the operator is granted
 * neither (least privilege). A reconcile reads them by name; nothing is written when they match.
 */
public final class OwnedSecrets {
  private final KubernetesClient client;

  public OwnedSecrets(KubernetesClient client) {
    this.client = client;
  }

  /** A Secret of the app's namespace by name. */
  public Optional<Secret> read(VaskApp app, String name) {
    return Optional.ofNullable(
        client.secrets().inNamespace(app.getMetadata().getNamespace()).withName(name).get());
  }

  /** Creates the generated credentials Secret, which the caller found missing. */
  public void createCredentials(VaskApp app, Credentials credentials) {
    client.resource(owned(app, CredentialsSecret.of(app, credentials))).create();
  }

  /** Removes generated credentials once the app imports its own (only a Secret this made). */
  public void deleteGeneratedCredentials(VaskApp app) {
    read(app, Names.credentialsSecret(app))
        .filter(secret -> isOwnedBy(secret, app))
        .ifPresent(secret -> client.resource(secret).delete());
  }

  /**
   * Creates or updates the apps-file Secret; leaves it alone when it already matches.
   *
   * @param live the Secret by that name, which must be missing or {@link #isOwnedBy owned}
   */
  public void applyAppsFile(VaskApp app, GatewayPlan plan, Optional<Secret> live) {
    Secret desired = owned(app, AppsFileSecret.of(app, plan));
    if (live.isEmpty()) {
      client.resource(desired).create();
    } else if (!matches(live.get(), desired)) {
      client.resource(merged(live.get(), desired)).update();
    }
  }

  /** Made by the operator for this very app: never adopt, rewrite or delete anyone else's. */
  public static boolean isOwnedBy(Secret secret, VaskApp app) {
    var labels = secret.getMetadata().getLabels();
    return labels != null
        && Labels.OPERATOR_NAME.equals(labels.get(Labels.MANAGED_BY))
        && secret.getMetadata().getOwnerReferences().stream()
            .anyMatch(ref -> Objects.equals(ref.getUid(), app.getMetadata().getUid()));
  }

  private static boolean matches(Secret live, Secret desired) {
    var labels = live.getMetadata().getLabels();
    return Objects.equals(live.getData(), desired.getData())
        && Objects.equals(live.getType(), desired.getType())
        && labels != null
        && labels.entrySet().containsAll(desired.getMetadata().getLabels().entrySet());
  }

  /** The live object with our data and labels: others' labels and annotations stay. */
  private static Secret merged(Secret live, Secret desired) {
    return new SecretBuilder(live)
        .withData(desired.getData())
        .withType(desired.getType())
        .editMetadata()
        .addToLabels(desired.getMetadata().getLabels())
        .endMetadata()
        .build();
  }

  /** Owned by the VaskApp, so Kubernetes' garbage collector removes it with the app. */
  private static Secret owned(VaskApp app, Secret secret) {
    return new SecretBuilder(secret)
        .editMetadata()
        .withOwnerReferences(owner(app))
        .endMetadata()
        .build();
  }

  private static OwnerReference owner(VaskApp app) {
    return new OwnerReferenceBuilder()
        .withApiVersion(HasMetadata.getApiVersion(VaskApp.class))
        .withKind(HasMetadata.getKind(VaskApp.class))
        .withName(app.getMetadata().getName())
        .withUid(app.getMetadata().getUid())
        .build();
  }
}
