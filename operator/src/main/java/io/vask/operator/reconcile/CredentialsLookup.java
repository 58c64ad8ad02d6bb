package io.vask.operator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.vask.operator.dependent.OwnedSecrets;
import io.vask.operator.dependent.SecretData;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.Credentials;
import io.vask.operator.plan.Names;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Finds the credentials of a VaskApp by reading the one Secret it names: the imported Secret, or
 * the generated one. Generated credentials that do not exist yet are made up here; the reconciler
 * then creates the Secret from the same values, so the first apps file already matches it.
 */
final class CredentialsLookup {
  private final CredentialsGenerator generator = new CredentialsGenerator();

  /** The credentials, or the problem that prevents using them. */
  sealed interface Result {}

  /**
   * @param generatedNow made up by this lookup: the Secret must still be created
   */
  record Found(Credentials credentials, boolean generatedNow) implements Result {}

  record Unavailable(Problem problem) implements Result {}

  Result find(VaskApp app, OwnedSecrets secrets) {
    String namespace = app.getMetadata().getNamespace();
    if (app.getSpec().importsCredentials()) {
      String name = app.getSpec().credentials.secretRef.name;
      Optional<Secret> secret = secrets.read(app, name);
      if (secret.isEmpty()) {
        return new Unavailable(
            new Problem(
                Problem.CREDENTIALS_SECRET_MISSING,
                "Secret " + name + " not found in namespace " + namespace));
      }
      return read(secret.get(), name);
    }
    String name = Names.credentialsSecret(app);
    Optional<Secret> secret = secrets.read(app, name);
    if (secret.isEmpty()) {
      return new Found(generator.generate(name), true);
    }
    if (!OwnedSecrets.isOwnedBy(secret.get(), app)) {
      return new Unavailable(Problem.conflict("Secret", name));
    }
    return read(secret.get(), name);
  }

  private static Result read(Secret secret, String name) {
    var data = secret.getData();
    var appId = SecretData.decode(data, Credentials.APP_ID);
    var key = SecretData.decode(data, Credentials.KEY);
    var value = SecretData.decode(data, Credentials.SECRET);
    var missing = new ArrayList<String>();
    if (appId.isEmpty()) {
      missing.add(Credentials.APP_ID);
    }
    if (key.isEmpty()) {
      missing.add(Credentials.KEY);
    }
    if (value.isEmpty()) {
      missing.add(Credentials.SECRET);
    }
    if (!missing.isEmpty()) {
      return new Unavailable(
          new Problem(
              Problem.CREDENTIALS_SECRET_INVALID,
              "Secret "
                  + name
                  + " lacks "
                  + String.join(", ", missing)
                  + " (expected keys app_id, key and secret)"));
    }
    return new Found(new Credentials(appId.get(), key.get(), value.get(), name), false);
  }
}
