package io.vask.operator.plan;

import java.util.Map;

/**
 * The decoded contents of the Secrets that webhooks name in {@code headersFrom}, by Secret name.
 *
 * @param bySecret header name to value, per Secret
 */
public record WebhookHeaderValues(Map<String, Map<String, String>> bySecret) {
  public static final WebhookHeaderValues NONE = new WebhookHeaderValues(Map.of());

  public WebhookHeaderValues {
    bySecret = Map.copyOf(bySecret);
  }

  /** The headers of one Secret; the reconciler read every named Secret before planning. */
  public Map<String, String> of(String secretName) {
    Map<String, String> headers = bySecret.get(secretName);
    if (headers == null) {
      throw new IllegalStateException("Secret " + secretName + " was not read before planning");
    }
    return headers;
  }
}
