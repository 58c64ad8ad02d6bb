package io.vask.gateway.channel;

import io.vask.gateway.cluster.ChannelEvent;
import java.nio.charset.StandardCharsets;

/** Channel events as the HTTP API publishes them, for tests that need traffic on a channel. */
final class ChannelEvents {
  private ChannelEvents() {}

  /** {@code my-event} with {@code data} (a string), to every subscriber. */
  static ChannelEvent event(String appId, String channel, String data) {
    return excluding(appId, channel, data, null);
  }

  static ChannelEvent excluding(String appId, String channel, String data, String socketId) {
    String frame = frame(channel, data);
    return new ChannelEvent(appId, channel, frame.getBytes(StandardCharsets.UTF_8), socketId);
  }

  /** The wire text of {@link #event}. */
  static String frame(String channel, String data) {
    return "{\"event\":\"my-event\",\"channel\":\"" + channel + "\",\"data\":\"" + data + "\"}";
  }
}
