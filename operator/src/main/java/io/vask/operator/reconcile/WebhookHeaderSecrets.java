package io.vask.operator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.vask.operator.dependent.OwnedSecrets;
import io.vask.operator.dependent.SecretData;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.WebhookSpec;
import io.vask.operator.plan.WebhookHeaderValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the Secrets that webhooks name in {@code headersFrom}, each by name (the operator may not
 * list Secrets). Like imported credentials they are read again on every reconcile, so a rotated
 * header reaches the apps file without anyone touching the VaskApp.
 */
final class WebhookHeaderSecrets {
  private WebhookHeaderSecrets() {}

  /** The header values, or the problem of the first Secret that cannot be read. */
  static Result read(VaskApp app, OwnedSecrets secrets) {
    Map<String, Map<String, String>> bySecret = new LinkedHashMap<>();
    for (WebhookSpec hook : app.getSpec().webhooks) {
      if (hook == null || hook.headersFrom == null || hook.headersFrom.secretRef == null) {
        continue;
      }
      String name = hook.headersFrom.secretRef.name;
      if (bySecret.containsKey(name)) {
        continue;
      }
      Optional<Secret> secret = secrets.read(app, name);
      if (secret.isEmpty()) {
        return new Result(
            null,
            new Problem(
                Problem.WEBHOOK_HEADERS_SECRET_MISSING,
                "Secret "
                    + name
                    + " (webhook headersFrom) not found in namespace "
                    + app.getMetadata().getNamespace()));
      }
      bySecret.put(name, decoded(secret.get()));
    }
    return new Result(new WebhookHeaderValues(bySecret), null);
  }

  static boolean referencesAny(VaskApp app) {
    return app.getSpec() != null
        && app.getSpec().webhooks != null
        && app.getSpec().webhooks.stream()
            .anyMatch(hook -> hook != null && hook.headersFrom != null);
  }

  /** Sorted by header name, so the rendered apps file does not depend on the Secret's order. */
  private static Map<String, String> decoded(Secret secret) {
    Map<String, String> headers = new TreeMap<>();
    if (secret.getData() != null) {
      for (String key : secret.getData().keySet()) {
        SecretData.decode(secret.getData(), key).ifPresent(value -> headers.put(key, value));
      }
    }
    return headers;
  }

  /** Exactly one of the two is set. */
  record Result(WebhookHeaderValues values, Problem problem) {}
}
