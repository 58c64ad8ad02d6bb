package io.vask.gateway.console;

import io.vask.gateway.protocol.ChannelName;
import java.util.List;

/**
 * The moments the debug console shows, reported by the part that sees each one. An implementation
 * does nothing (one volatile read) while nobody watches; arguments are plain values the caller
 * already holds, so an unwatched hook builds nothing.
 */
public interface DebugStream {
  /** Reports nothing: for tests and parts built without a console. */
  DebugStream OFF = new DebugStream() {};

  default void connectionOpened(String appId, String socketId, String origin) {}

  default void connectionClosed(String appId, String socketId, int closeCode) {}

  /** {@code userId} is the presence member's id, else null. */
  default void subscribed(String appId, String channel, String socketId, String userId) {}

  default void unsubscribed(String appId, String channel, String socketId, String userId) {}

  default void channelOccupied(String appId, String channel) {}

  default void channelVacated(String appId, String channel) {}

  /**
   * An event published through the HTTP API (or the console's event creator); {@code
   * serverTimeMillis} is the {@code vask_ts} its frames carry (0 without event metadata).
   */
  default void apiMessage(
      String appId,
      List<ChannelName> channels,
      String event,
      String data,
      String excludeSocketId,
      long serverTimeMillis) {}

  default void clientEvent(
      String appId, String channel, String event, String socketId, String userId) {}

  /** One HTTP attempt of a webhook request; {@code status} 0 when no response came. */
  default void webhookAttempt(
      String appKey, String url, byte[] body, int status, long latencyMillis, int attempt) {}

  /** A {@code pusher:error} sent to a socket ({@code code} null for code-less errors). */
  default void errorSent(String appId, String socketId, Integer code, String message) {}
}
