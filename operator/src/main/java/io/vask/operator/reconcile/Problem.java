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
  public static final String NATS_REQUIRED = "NatsRequired";
  public static final String RECONCILE_ERROR = "ReconcileError";
  public static final String CONFLICT = "Conflict";
  public static final String WEBHOOK_HEADERS_SECRET_MISSING = "WebhookHeadersSecretMissing";
  public static final String APP_ID_CONFLICT = "AppIdConflict";

  /**
   * An object by the name a child needs exists but is not this app's: never adopt or replace it.
   */
  static Problem conflict(String kind, String name) {
    return new Problem(
        CONFLICT,
        kind
            + " "
            + name
            + " exists and was not created by the operator for this VaskApp: rename or delete it");
  }

  /** Another VaskApp on the same NATS serves this app id already: its gateways would refuse it. */
  static Problem appIdConflict(String appId, io.vask.operator.model.VaskApp owner) {
    return new Problem(
        APP_ID_CONFLICT,
        "app id "
            + appId
            + " is already used on the same NATS by VaskApp "
            + owner.getMetadata().getNamespace()
            + "/"
            + owner.getMetadata().getName()
            + ": give this app other credentials (another app_id) or another NATS");
  }

  /** Unclustered pods would each be a separate Pusher server: events would miss most clients. */
  static Problem natsRequired() {
    return new Problem(
        NATS_REQUIRED,
        "more than one gateway pod needs NATS: set spec.nats.url, or the operator's"
            + " VASK_DEFAULT_NATS_URL (Helm value defaults.natsUrl)");
  }

  static Problem invalidSpec(List<String> problems) {
    return new Problem(INVALID_SPEC, String.join("; ", problems));
  }
}
