package io.vask.cli.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Pusher app's id, key and secret. */
public record AppCredentials(String appId, String key, String secret) {

  /** As the CLI prints them: {@code app_id}, {@code key}, {@code secret} (the Secret's keys). */
  public Map<String, String> asJson() {
    var json = new LinkedHashMap<String, String>();
    json.put("app_id", appId);
    json.put("key", key);
    json.put("secret", secret);
    return json;
  }

  /** As {@code PUSHER_*} assignments a shell can {@code eval} or a {@code .env} can hold. */
  public String asEnv() {
    return "PUSHER_APP_ID="
        + appId
        + "\nPUSHER_APP_KEY="
        + key
        + "\nPUSHER_APP_SECRET="
        + secret
        + "\n";
  }
}
