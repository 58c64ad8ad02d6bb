package io.vask.gateway.webhook;

import io.vask.contract.AppSettings;

/**
 * The webhook-worthy moments the channel layer reports, each decided once cluster-wide by its
 * caller. Implementations filter by the app's webhook settings and enqueue; they never block the
 * caller.
 */
public interface Webhooks {
  void channelOccupied(AppSettings app, String channel);

  void channelVacated(AppSettings app, String channel);

  void memberAdded(AppSettings app, String channel, String userId);

  void memberRemoved(AppSettings app, String channel, String userId);

  void clientEvent(
      AppSettings app, String channel, String event, String data, String socketId, String userId);

  void cacheMiss(AppSettings app, String channel);

  void subscriptionCount(AppSettings app, String channel, long count);
}
