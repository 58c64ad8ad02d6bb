package io.vask.gateway.protocol;

/**
 * An error sent to a client as {@code pusher:error}. {@code code} is null for the in-band errors
 * Pusher sends without a code (subscription, auth and client-event failures). A {@code closes}
 * error is followed by closing the socket with the same code (PROTOCOL.md §1.6–1.8).
 */
public record PusherError(Integer code, String message, boolean closes) {

  public static final PusherError APP_ONLY_TLS =
      fatal(4000, "Application only accepts SSL connections, reconnect using wss://");
  public static final PusherError APP_DISABLED = fatal(4003, "Application disabled");
  public static final PusherError OVER_QUOTA = fatal(4004, "Application is over connection quota");
  public static final PusherError PATH_NOT_FOUND = fatal(4005, "Path not found");
  public static final PusherError INVALID_VERSION = fatal(4006, "Invalid version string format");
  public static final PusherError UNSUPPORTED_VERSION = fatal(4007, "Unsupported protocol version");
  public static final PusherError UNAUTHORIZED_TIMEOUT =
      fatal(4009, "Connection not authorized within timeout.");
  public static final PusherError TERMINATED = fatal(4009, "You got disconnected by the app.");
  public static final PusherError OVER_CAPACITY = fatal(4100, "Over capacity");
  public static final PusherError RECONNECT = fatal(4200, "Generic reconnect immediately");
  public static final PusherError PONG_NOT_RECEIVED = fatal(4201, "Pong reply not received");

  public static final PusherError RATE_LIMITED =
      inBand(4301, "Client event rejected due to rate limit");
  public static final PusherError WATCHLIST_LIMIT =
      inBand(4302, "Watchlist limit exceeded. Only the first 100 user IDs are accepted.");

  public static final PusherError INVALID_JSON = plain("Received invalid JSON");
  public static final PusherError CLIENT_EVENTS_DISABLED =
      plain(
          "To send client events, you must enable this feature in the Settings page of your"
              + " dashboard.");
  public static final PusherError CLIENT_EVENT_WRONG_CHANNEL =
      plain("Client event rejected - only supported on private and presence channels");

  public static PusherError appNotFound(String key) {
    return fatal(
        4001, "App key " + key + " not in this cluster. Did you forget to specify the cluster?");
  }

  /** An in-band error without a code; the connection stays open. */
  public static PusherError plain(String message) {
    return new PusherError(null, message, false);
  }

  private static PusherError inBand(int code, String message) {
    return new PusherError(code, message, false);
  }

  private static PusherError fatal(int code, String message) {
    return new PusherError(code, message, true);
  }
}
