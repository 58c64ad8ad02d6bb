package io.vask.operator.reconcile;

import java.util.List;

/**
 * Why a VaskApp cannot be reconciled right now; reported in the Degraded and Ready conditions.
 *
 * @param reason CamelCase condition reason
 * @param message what is wrong and what was expected
 */
public record Problem(String reason, String message) {
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String CREDENTIALS_SECRET_MISSING = "CredentialsSecretMissing";
  public static final String CREDENTIALS_SECRET_INVALID = "CredentialsSecretInvalid";
  public static final String RECONCILE_ERROR = "ReconcileError";

  static Problem invalidSpec(List<String> problems) {
    return new Problem(INVALID_SPEC, String.join("; ", problems));
  }
}
