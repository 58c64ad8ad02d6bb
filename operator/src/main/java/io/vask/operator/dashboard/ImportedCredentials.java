package io.vask.operator.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

/** The import form: existing Pusher credentials and the VaskApp that should serve them. */
public record ImportedCredentials(
    String namespace, String name, String appId, String key, String secret) {
  static final int MAX_LENGTH = 256;

  public static ImportedCredentials from(JsonNode body) {
    return new ImportedCredentials(
        NewApp.dnsLabel(body, "namespace"),
        NewApp.dnsLabel(body, "name"),
        text(body, "appId"),
        text(body, "key"),
        text(body, "secret"));
  }

  private static String text(JsonNode body, String field) {
    String value = body.path(field).asText("").trim();
    if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c > 32)) {
      throw new DashboardRefused(
          400, field + " is required (no spaces, at most " + MAX_LENGTH + " characters)");
    }
    return value;
  }

  @Override
  public String toString() {
    return "ImportedCredentials[" + namespace + "/" + name + ", appId=" + appId + "]";
  }
}
