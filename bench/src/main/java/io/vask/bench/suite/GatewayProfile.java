package io.vask.bench.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a benchmark gateway differs from the standard one: extra environment and app settings in the
 * apps file. {@code name} keeps the apps files of different profiles apart.
 */
record GatewayProfile(String name, Map<String, String> env, Map<String, Object> app) {

  /** The standard gateway: per-address limits on but far above the benchmark's own load. */
  static final GatewayProfile STANDARD = new GatewayProfile("standard", Map.of(), Map.of());

  /** Every limit that can be switched off is (issue 13's "limits off"). */
  static final GatewayProfile LIMITS_OFF =
      new GatewayProfile(
          "limits-off",
          Map.of("VASK_MAX_CONNECTIONS_PER_IP", "0", "VASK_NEW_CONNECTIONS_PER_IP_PER_SECOND", "0"),
          Map.of("apiRequestsPerSecond", 0));

  /** A gateway that drains over {@code seconds} on SIGTERM, as a pod does. */
  static GatewayProfile draining(int seconds) {
    return new GatewayProfile("drain", Map.of("VASK_DRAIN_SECONDS", "" + seconds), Map.of());
  }

  /** Client-event webhooks to {@code url}, batched. */
  static GatewayProfile webhooks(String url) {
    return new GatewayProfile(
        "webhooks",
        Map.of(),
        Map.of(
            "batchWebhooks",
            true,
            "webhooks",
            List.of(Map.of("url", url, "events", List.of("client_event")))));
  }

  /** The bench app of this profile, as the apps file holds it. */
  Map<String, Object> appJson(String id, String key, String secret) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("key", key);
    json.put("secret", secret);
    json.put("clientEvents", true);
    json.put("clientEventsPerSecond", 1000);
    json.put("maxPresenceMembers", 10000);
    json.put("apiRequestsPerSecond", 1000000);
    json.putAll(app);
    return json;
  }
}
