package io.vask.gateway.httpapi;

import io.vask.gateway.protocol.MessageTemplate;
import io.vask.gateway.protocol.PusherError;

/**
 * Every error the HTTP side of the gateway answers with — the REST API, the main port's router and
 * the metrics port — with its status and message (PROTOCOL.md §9). The body is always {@code
 * {"error": "<message>"}}, built by {@link ApiResponse#error}.
 */
public enum ApiError {
  // the request itself
  MALFORMED_REQUEST(400, "Malformed HTTP request"),
  MALFORMED_PATH(400, "Malformed path encoding"),
  MALFORMED_QUERY(400, "Malformed query string encoding"),
  DUPLICATE_QUERY_PARAMETER(400, "Duplicate query parameter: {name}"),
  MALFORMED_JSON(400, "Malformed JSON body (expected a JSON object)"),
  BODY_TOO_LARGE(413, "Request body is larger than {max} bytes"),
  UPGRADE_REQUIRED(426, "Expected a WebSocket upgrade request"),
  PATH_NOT_FOUND(404, "Not found: {path}"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method {method} not allowed"),

  // authentication (PROTOCOL.md §9.2) and the app
  APP_NOT_FOUND(404, "Unknown app \"{app}\""),
  AUTH_PARAMETERS_MISSING(401, "Missing auth_key, auth_timestamp or auth_signature"),
  UNKNOWN_AUTH_KEY(400, "Unknown auth_key"),
  AUTH_VERSION_INVALID(401, "Invalid auth_version: expected 1.0"),
  TIMESTAMP_INVALID(401, "Invalid auth_timestamp: expected Unix seconds"),
  TIMESTAMP_EXPIRED(
      401,
      "Timestamp expired: Given timestamp ({given}) not within {window}s of server time ({now})"),
  BODY_MD5_INVALID(401, "Invalid body_md5: expected the MD5 hex digest of the body"),
  SIGNATURE_INVALID(
      401, "Invalid signature: you should have sent HmacSHA256Hex(\"{signed}\", your_secret_key)"),
  APP_DISABLED(403, "Application disabled"),
  RATE_LIMITED(429, "Too many requests: this app may make {max} per second"),

  // events (PROTOCOL.md §9.4–9.5)
  EVENT_NOT_OBJECT(400, "Each event must be a JSON object"),
  EVENT_NAME_TOO_LONG(400, "Event name is longer than {max} characters"),
  EVENT_NAME_RESERVED(400, "Event name \"{name}\" is reserved (pusher: and pusher_internal: are)"),
  DATA_MISSING(400, "Missing \"data\""),
  EVENT_TOO_LARGE(413, "Event data is larger than {max} bytes"),
  SOCKET_ID_INVALID(400, "Invalid socket_id \"{socketId}\" (expected digits.digits)"),
  BATCH_EVENT_CHANNELS(400, "Batch events take one \"channel\", not \"channels\""),
  CHANNELS_NOT_ARRAY(400, "\"channels\" must be an array of channel names"),
  CHANNELS_MISSING(400, "Missing \"channels\" or \"channel\""),
  TOO_MANY_CHANNELS(400, "Too many channels: at most {max} per event"),
  CHANNEL_NAME_INVALID(400, PusherError.CHANNEL_NAME_INVALID.template().text()),
  ENCRYPTED_NOT_ALONE(400, "An event to an encrypted channel may only go to that one channel"),
  FIELD_MISSING(400, "Missing \"{field}\" (expected a non-empty string)"),
  FIELD_NOT_STRING(400, "\"{field}\" must be a string"),
  BATCH_MISSING(400, "Missing \"batch\" (expected an array of events)"),
  BATCH_TOO_LARGE(400, "Batch too large: at most {max} events"),

  // queries and users (PROTOCOL.md §9.6–9.7)
  USER_COUNT_NEEDS_PRESENCE_PREFIX(
      400, "info=user_count needs filter_by_prefix starting with presence-"),
  USER_COUNT_NOT_PRESENCE(400, "info=user_count is only available for presence channels"),
  USERS_NOT_PRESENCE(400, "Users are only available for presence channels"),
  USER_ID_MISSING(400, "Missing user id"),

  // the gateway
  INTERNAL_ERROR(500, "Internal error"),
  CLUSTER_UNAVAILABLE(503, "Cluster state unavailable, try again"),

  // the debug console (docs/console.md)
  CONSOLE_TOKEN_INVALID(
      401, "Missing, invalid or expired console token (expected <app id>.<expiry>.<signature>)"),
  CONSOLE_EVENT_INVALID(400, "Expected a JSON object with \"channel\", \"event\" and \"data\"");

  private final int status;
  private final MessageTemplate template;

  ApiError(int status, String template) {
    this.status = status;
    this.template = new MessageTemplate(template);
  }

  public int status() {
    return status;
  }

  public MessageTemplate template() {
    return template;
  }

  /** The message with its placeholders filled, in order, by {@code args}. */
  public String message(Object... args) {
    return template.fill(args);
  }
}
