package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.Credentials;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;

/**
 * The generated credentials Secret {@code <name>-credentials}. Created once and never updated:
 * rewriting it would change the app's key under the feet of every client that embeds it. Written by
 * {@link OwnedSecrets}.
 */
public final class CredentialsSecret {
  private CredentialsSecret() {}

  public static Secret of(VaskApp app, Credentials credentials) {
    return new SecretBuilder()
        .withMetadata(
            ChildMetadata.of(app, Names.credentialsSecret(app), Labels.CREDENTIALS_COMPONENT))
        .withType("Opaque")
        .withData(SecretData.encode(credentials.asSecretData()))
        .build();
  }
}
