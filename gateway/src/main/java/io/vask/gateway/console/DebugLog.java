package io.vask.gateway.console;

import io.vask.gateway.protocol.ChannelName;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The debug stream's connection and subscription moments, also written to the log at DEBUG ({@code
 * VASK_LOG_LEVEL=debug}): app, socket id, remote address, close code, channel. Never user data
 * (presence user ids, event data) or anything signed. Every hook goes on to the next stream. The
 * log level is fixed when the gateway starts, so {@link #around} decides once: at INFO the gateway
 * runs with the next stream alone and the data path pays nothing.
 */
public final class DebugLog implements DebugStream {
  private static final Logger LOG = LoggerFactory.getLogger(DebugLog.class);

  private final DebugStream next;

  private DebugLog(DebugStream next) {
    this.next = next;
  }

  /** {@code next}, logged at DEBUG when that level is on; {@code next} itself otherwise. */
  public static DebugStream around(DebugStream next) {
    return LOG.isDebugEnabled() ? new DebugLog(next) : next;
  }

  @Override
  public void connectionOpened(String appId, String socketId, String remoteAddress) {
    LOG.debug("connected app={} socket_id={} remote={}", appId, socketId, remoteAddress);
    next.connectionOpened(appId, socketId, remoteAddress);
  }

  @Override
  public void connectionClosed(String appId, String socketId, int closeCode) {
    LOG.debug("disconnected app={} socket_id={} code={}", appId, socketId, closeCode);
    next.connectionClosed(appId, socketId, closeCode);
  }

  @Override
  public void subscribed(String appId, String channel, String socketId, String userId) {
    LOG.debug("subscribed app={} channel={} socket_id={}", appId, channel, socketId);
    next.subscribed(appId, channel, socketId, userId);
  }

  @Override
  public void unsubscribed(String appId, String channel, String socketId, String userId) {
    LOG.debug("unsubscribed app={} channel={} socket_id={}", appId, channel, socketId);
    next.unsubscribed(appId, channel, socketId, userId);
  }

  @Override
  public void channelOccupied(String appId, String channel) {
    next.channelOccupied(appId, channel);
  }

  @Override
  public void channelVacated(String appId, String channel) {
    next.channelVacated(appId, channel);
  }

  @Override
  public void apiMessage(
      String appId,
      List<ChannelName> channels,
      String event,
      String data,
      String excludeSocketId,
      long serverTimeMillis) {
    next.apiMessage(appId, channels, event, data, excludeSocketId, serverTimeMillis);
  }

  @Override
  public void clientEvent(
      String appId, String channel, String event, String socketId, String userId) {
    next.clientEvent(appId, channel, event, socketId, userId);
  }

  @Override
  public void webhookAttempt(
      String appKey, String url, byte[] body, int status, long latencyMillis, int attempt) {
    next.webhookAttempt(appKey, url, body, status, latencyMillis, attempt);
  }

  @Override
  public void errorSent(String appId, String socketId, Integer code, String message) {
    next.errorSent(appId, socketId, code, message);
  }
}
