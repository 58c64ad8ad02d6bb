package io.vask.operator.plan;

import java.util.Map;

/**
 * Pusher credentials and the Secret they live in. {@code toString} leaves the secret out, so the
 * record can appear in logs and exception messages.
 */
public record Credentials(String appId, String key, String secret, String secretName) {
  public static final String APP_ID = "app_id";
  public static final String KEY = "key";
  public static final String SECRET = "secret";

  public Map<String, String> asSecretData() {
    return Map.of(APP_ID, appId, KEY, key, SECRET, secret);
  }

  @Override
  public String toString() {
    return "Credentials[appId=" + appId + ", key=" + key + ", secretName=" + secretName + "]";
  }
}
