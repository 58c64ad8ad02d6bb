package io.vask.gateway.protocol;

import java.util.Collection;

/**
 * Server-to-client frames as exact wire text (PROTOCOL.md §1.2 double-encoding rules): internal
 * events carry their data as a JSON-encoded string, {@code pusher:error} and {@code
 * pusher:signin_success} as objects, triggered events pass their data string through unchanged.
 */
public final class Frames {
  public static final String PONG = "{\"event\":\"pusher:pong\",\"data\":\"{}\"}";
  public static final String PING = "{\"event\":\"pusher:ping\",\"data\":\"{}\"}";

  private Frames() {}

  public static String connectionEstablished(String socketId, int activityTimeoutSeconds) {
    String data =
        "{\"socket_id\":"
            + Json.quote(socketId)
            + ",\"activity_timeout\":"
            + activityTimeoutSeconds
            + "}";
    return "{\"event\":\"pusher:connection_established\",\"data\":" + Json.quote(data) + "}";
  }

  public static String error(PusherError.Message error) {
    StringBuilder out =
        new StringBuilder(96).append("{\"event\":\"pusher:error\",\"data\":{\"code\":");
    out.append(error.code() == null ? "null" : error.code().toString()).append(",\"message\":");
    return Json.quote(out, error.message()).append("}}").toString();
  }

  /**
   * The soketi-style channel-scoped error pusher-js surfaces as {@code pusher:subscription_error}.
   */
  public static String subscriptionError(String channel, String type, String error, int status) {
    StringBuilder out =
        new StringBuilder(128).append("{\"event\":\"pusher:subscription_error\",\"channel\":");
    Json.quote(out, channel).append(",\"data\":{\"type\":");
    Json.quote(out, type).append(",\"error\":");
    return Json.quote(out, error).append(",\"status\":").append(status).append("}}").toString();
  }

  public static String subscriptionSucceeded(String channel) {
    return internal("pusher_internal:subscription_succeeded", channel, "{}");
  }

  public static String presenceSubscriptionSucceeded(
      String channel, Collection<PresenceMember> members) {
    StringBuilder ids = new StringBuilder("[");
    StringBuilder hash = new StringBuilder("{");
    for (PresenceMember member : members) {
      if (ids.length() > 1) {
        ids.append(',');
        hash.append(',');
      }
      Json.quote(ids, member.userId());
      Json.quote(hash, member.userId()).append(':').append(member.userInfoJson());
    }
    String data =
        "{\"presence\":{\"ids\":"
            + ids.append(']')
            + ",\"hash\":"
            + hash.append('}')
            + ",\"count\":"
            + members.size()
            + "}}";
    return internal("pusher_internal:subscription_succeeded", channel, data);
  }

  public static String memberAdded(String channel, PresenceMember member) {
    String data =
        "{\"user_id\":"
            + Json.quote(member.userId())
            + ",\"user_info\":"
            + member.userInfoJson()
            + "}";
    return internal("pusher_internal:member_added", channel, data);
  }

  public static String memberRemoved(String channel, String userId) {
    return internal(
        "pusher_internal:member_removed", channel, "{\"user_id\":" + Json.quote(userId) + "}");
  }

  public static String subscriptionCount(String channel, long count) {
    return internal(
        "pusher_internal:subscription_count", channel, "{\"subscription_count\":" + count + "}");
  }

  public static String cacheMiss(String channel) {
    return internal("pusher:cache_miss", channel, "{}");
  }

  /** A triggered or client event; {@code userId} is set only for presence client events. */
  public static String event(String name, String channel, String data, String userId) {
    return event(name, channel, data, userId, 0);
  }

  /**
   * {@link #event(String, String, String, String)} with the app's event metadata: {@code
   * serverTimeMillis > 0} adds {@code "vask_ts"}, a top-level field Pusher SDKs ignore.
   */
  public static String event(
      String name, String channel, String data, String userId, long serverTimeMillis) {
    StringBuilder out = new StringBuilder(48 + name.length() + channel.length() + data.length());
    out.append("{\"event\":");
    Json.quote(out, name).append(",\"channel\":");
    Json.quote(out, channel).append(",\"data\":");
    Json.quote(out, data);
    if (userId != null) {
      out.append(",\"user_id\":");
      Json.quote(out, userId);
    }
    if (serverTimeMillis > 0) {
      out.append(",\"vask_ts\":").append(serverTimeMillis);
    }
    return out.append('}').toString();
  }

  public static String signinSuccess(String userData) {
    StringBuilder out =
        new StringBuilder("{\"event\":\"pusher:signin_success\",\"data\":{\"user_data\":");
    return Json.quote(out, userData).append("}}").toString();
  }

  public static String watchlistEvents(Collection<String> online, Collection<String> offline) {
    StringBuilder data = new StringBuilder("{\"events\":[");
    boolean first = true;
    if (!online.isEmpty()) {
      appendWatchlistEntry(data, "online", online);
      first = false;
    }
    if (!offline.isEmpty()) {
      if (!first) {
        data.append(',');
      }
      appendWatchlistEntry(data, "offline", offline);
    }
    data.append("]}");
    return "{\"event\":\"pusher_internal:watchlist_events\",\"data\":"
        + Json.quote(data.toString())
        + "}";
  }

  private static void appendWatchlistEntry(StringBuilder out, String name, Collection<String> ids) {
    out.append("{\"name\":\"").append(name).append("\",\"user_ids\":[");
    boolean first = true;
    for (String id : ids) {
      if (!first) {
        out.append(',');
      }
      Json.quote(out, id);
      first = false;
    }
    out.append("]}");
  }

  private static String internal(String event, String channel, String data) {
    StringBuilder out = new StringBuilder(64 + channel.length() + data.length());
    out.append("{\"event\":\"").append(event).append("\",\"channel\":");
    Json.quote(out, channel).append(",\"data\":");
    return Json.quote(out, data).append('}').toString();
  }
}
