package io.vask.gateway.console;

import io.vask.contract.AppSettings;
import io.vask.gateway.webhook.Webhooks;

/**
 * The channel layer's webhook-worthy moments, shown in the debug stream before they go on to the
 * webhooks: the channel layer reports each cluster-wide transition (occupied, vacated) and every
 * client event exactly once through {@link Webhooks}, whatever the app's webhook settings.
 */
public final class RecordedWebhooks implements Webhooks {
  private final Webhooks next;
  private final DebugStream debug;

  public RecordedWebhooks(Webhooks next, DebugStream debug) {
    this.next = next;
    this.debug = debug;
  }

  @Override
  public void channelOccupied(AppSettings app, String channel) {
    debug.channelOccupied(app.id(), channel);
    next.channelOccupied(app, channel);
  }

  @Override
  public void channelVacated(AppSettings app, String channel) {
    debug.channelVacated(app.id(), channel);
    next.channelVacated(app, channel);
  }

  @Override
  public void memberAdded(AppSettings app, String channel, String userId) {
    next.memberAdded(app, channel, userId);
  }

  @Override
  public void memberRemoved(AppSettings app, String channel, String userId) {
    next.memberRemoved(app, channel, userId);
  }

  @Override
  public void clientEvent(
      AppSettings app, String channel, String event, String data, String socketId, String userId) {
    debug.clientEvent(app.id(), channel, event, socketId, userId);
    next.clientEvent(app, channel, event, data, socketId, userId);
  }

  @Override
  public void cacheMiss(AppSettings app, String channel) {
    next.cacheMiss(app, channel);
  }

  @Override
  public void subscriptionCount(AppSettings app, String channel, long count) {
    next.subscriptionCount(app, channel, count);
  }
}
