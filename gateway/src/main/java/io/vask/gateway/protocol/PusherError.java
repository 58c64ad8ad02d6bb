package io.vask.gateway.protocol;

import static io.vask.gateway.protocol.PusherError.Effect.CLOSES;
import static io.vask.gateway.protocol.PusherError.Effect.STAYS_OPEN;

/**
 * Every error the gateway sends to a client as {@code pusher:error}: its code, whether the socket
 * is closed after it (with the same code), and its message (PROTOCOL.md §1.6–1.8). Pusher's ranges:
 * 4000–4099 close, the client does not reconnect unchanged; 4100–4199 close, reconnect after a
 * back-off; 4200–4299 close, reconnect at once; 4300–4399 in-band. Subscription, auth, sign-in and
 * client-event failures are in-band and carry no code, as Pusher sends them.
 *
 * <p>An error reaches a client only as a {@link Message}, made here by {@link #with}; the texts are
 * the exact wire bytes the SDKs and tests see.
 */
public enum PusherError {
  APP_NOT_FOUND(
      4001, CLOSES, "App key {key} not in this cluster. Did you forget to specify the cluster?"),
  APP_REMOVED(4001, CLOSES, "Application removed"),
  APP_DISABLED(4003, CLOSES, "Application disabled"),
  OVER_QUOTA(4004, CLOSES, "Application is over connection quota"),
  PATH_NOT_FOUND(4005, CLOSES, "Path not found"),
  INVALID_VERSION(4006, CLOSES, "Invalid version string format"),
  UNSUPPORTED_VERSION(4007, CLOSES, "Unsupported protocol version"),
  UNAUTHORIZED_TIMEOUT(4009, CLOSES, "Connection not authorized within timeout."),
  TERMINATED(4009, CLOSES, "You got disconnected by the app."),
  ORIGIN_NOT_ALLOWED(4009, CLOSES, "Origin {origin} not allowed for this application"),
  OVER_CAPACITY(4100, CLOSES, "Over capacity"),
  ADDRESS_OVER_CAPACITY(4100, CLOSES, "Over capacity: too many connections from your address"),
  ADDRESS_TOO_FAST(4100, CLOSES, "Over capacity: too many new connections from your address"),
  RECONNECT(4200, CLOSES, "Generic reconnect immediately"),
  PONG_NOT_RECEIVED(4201, CLOSES, "Pong reply not received"),
  RATE_LIMITED(4301, STAYS_OPEN, "Client event rejected due to rate limit"),
  SUBSCRIBE_RATE_LIMITED(4301, STAYS_OPEN, "Subscription rejected due to rate limit"),
  SIGNIN_RATE_LIMITED(4301, STAYS_OPEN, "Sign-in rejected due to rate limit"),
  WATCHLIST_LIMIT(
      4302, STAYS_OPEN, "Watchlist limit exceeded. Only the first 100 user IDs are accepted."),

  // frames the parser refuses
  INVALID_JSON("Received invalid JSON"),
  EVENT_MISSING("Invalid event: expected a string \"event\" field"),
  DATA_NOT_OBJECT("Invalid {event}: expected \"data\" to be an object"),
  INTERNAL_ERROR("Internal error handling the message"),

  // subscriptions (PROTOCOL.md §2–3, §5.2)
  CHANNEL_NAME_INVALID(
      "channel name \"{channel}\" is invalid (expected 1.."
          + ChannelName.MAX_LENGTH
          + " chars of [A-Za-z0-9_\\-=@,.;])"),
  ALREADY_SUBSCRIBED("Existing subscription to channel {channel}"),
  TOO_MANY_SUBSCRIPTIONS("A connection may hold at most {max} subscriptions"),
  AUTH_MISSING("Auth value for subscription to {channel} is required"),
  AUTH_MALFORMED("Invalid auth value: expected \"key:signature\""),
  AUTH_WRONG_KEY("Invalid key in subscription auth data: '{key}'"),
  AUTH_BAD_SIGNATURE(
      "Invalid signature: Expected HMAC SHA256 hex digest of {signed}, but got {got}"),
  USER_CHANNEL_FORBIDDEN(
      "Subscription to {channel} is only allowed for the connection signed in as that user"),
  PRESENCE_NEEDS_USER("Presence subscription to {channel} needs channel_data or a signed-in user"),
  CHANNEL_DATA_INVALID(
      "Invalid channel_data: expected a JSON object with a string or number user_id"),
  USER_ID_TOO_LONG("Presence user_id is longer than {max} characters"),
  USER_INFO_TOO_LARGE("Presence user_info is larger than {max} bytes"),
  PRESENCE_FULL("Presence channel {channel} has its maximum number of members"),
  PRESENCE_UNAVAILABLE("Presence is unavailable, try again"),

  // client events (PROTOCOL.md §4)
  CLIENT_EVENT_NAME_INVALID(
      "Client event rejected: event name \"{event}\" must start with client-"),
  CLIENT_EVENT_CHANNEL_MISSING("Client event rejected: a \"channel\" is required"),
  CLIENT_EVENTS_DISABLED(
      "To send client events, you must enable this feature in the Settings page of your"
          + " dashboard."),
  CLIENT_EVENT_ENCRYPTED("Client event rejected - not supported on encrypted channels"),
  CLIENT_EVENT_WRONG_CHANNEL(
      "Client event rejected - only supported on private and presence channels"),
  CLIENT_EVENT_NOT_SUBSCRIBED("Client event rejected - not subscribed to channel {channel}"),
  CLIENT_EVENT_NAME_TOO_LONG("Client event rejected - event name is longer than {max} characters"),
  CLIENT_EVENT_TOO_LARGE("Client event rejected - data is larger than {max} bytes"),

  // sign-in (PROTOCOL.md §5.1)
  SIGNIN_USER_DATA_MISSING("Sign-in failed: user_data is required"),
  SIGNIN_BAD_SIGNATURE("Sign-in failed: invalid signature for {signed}"),
  SIGNIN_USER_DATA_INVALID("Sign-in failed: user_data must be a JSON object with a string \"id\""),
  SIGNIN_OTHER_USER("Sign-in failed: this connection is already signed in as another user");

  /** What happens to the socket after the error. */
  enum Effect {
    CLOSES,
    STAYS_OPEN
  }

  private final Integer code;
  private final boolean closes;
  private final MessageTemplate template;

  PusherError(int code, Effect effect, String template) {
    this.code = code;
    this.closes = effect == CLOSES;
    this.template = new MessageTemplate(template);
  }

  /** An in-band error without a code. */
  PusherError(String template) {
    this.code = null;
    this.closes = false;
    this.template = new MessageTemplate(template);
  }

  /** The Pusher error code, or null for the in-band errors Pusher sends without one. */
  public Integer code() {
    return code;
  }

  /** Whether the socket is closed (with {@link #code}) after the error. */
  public boolean closes() {
    return closes;
  }

  public MessageTemplate template() {
    return template;
  }

  /** The error with its placeholders filled, in order, by {@code args}. */
  public Message with(Object... args) {
    return new Message(this, template.fill(args));
  }

  /** One error as sent: a catalog entry and its filled-in message text. */
  public record Message(PusherError error, String message) {
    public Integer code() {
      return error.code();
    }

    public boolean closes() {
      return error.closes();
    }
  }
}
