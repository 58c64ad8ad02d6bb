package io.vask.operator.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * The dashboard's create form: a few main fields of a VaskApp; the rest keep their defaults and can
 * be edited with kubectl.
 *
 * @param replicas gateway pods, null for the default (one)
 */
public record NewApp(
    String namespace,
    String name,
    boolean clientEvents,
    boolean userAuthentication,
    boolean subscriptionCount,
    Integer replicas) {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  static final int MAX_REPLICAS = 100;

  /** Reads and validates the form's JSON; refuses it with 400 naming the bad field. */
  public static NewApp from(JsonNode body) {
    Integer replicas = null;
    if (body.hasNonNull("replicas") && !body.path("replicas").asText().isEmpty()) {
      replicas = body.path("replicas").asInt(0);
      if (replicas < 1 || replicas > MAX_REPLICAS) {
        throw new DashboardRefused(400, "replicas must be 1 to " + MAX_REPLICAS);
      }
    }
    return new NewApp(
        dnsLabel(body, "namespace"),
        dnsLabel(body, "name"),
        body.path("clientEvents").asBoolean(false),
        body.path("userAuthentication").asBoolean(false),
        body.path("subscriptionCount").asBoolean(false),
        replicas);
  }

  static String dnsLabel(JsonNode body, String field) {
    String value = body.path(field).asText("");
    // 48 leaves room for the suffixes of the objects derived from the name
    if (value.length() > 48 || !DNS_LABEL.matcher(value).matches()) {
      throw new DashboardRefused(
          400, field + " must be a DNS label of at most 48 characters (a-z, 0-9, -)");
    }
    return value;
  }
}
