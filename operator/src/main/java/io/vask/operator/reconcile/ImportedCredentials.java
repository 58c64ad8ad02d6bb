package io.vask.operator.reconcile;

import io.vask.operator.model.VaskApp;
import java.time.Duration;
import java.util.Optional;

/**
 * When to look at a user's Secrets again (imported credentials, webhook {@code headersFrom}). The
 * operator does not watch Secrets (that would need list and watch on every Secret in scope), so an
 * app that reads a user's Secret is reconciled again after {@link #RECHECK}: a rotation, or a
 * Secret created late, is picked up within that time at the cost of one GET per Secret.
 */
final class ImportedCredentials {
  static final Duration RECHECK = Duration.ofSeconds(15);

  private ImportedCredentials() {}

  static Optional<Duration> recheck(VaskApp app) {
    return app.getSpec() != null
            && (app.getSpec().importsCredentials() || WebhookHeaderSecrets.referencesAny(app))
        ? Optional.of(RECHECK)
        : Optional.empty();
  }
}
