package io.vask.gateway.channel;

import io.vask.contract.AppSettings;
import io.vask.gateway.webhook.Webhooks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each webhook-worthy moment as one line: {@code name app channel [details]}. */
public final class RecordingWebhooks implements Webhooks {
  private final List<String> events = new CopyOnWriteArrayList<>();

  public List<String> events() {
    return List.copyOf(events);
  }

  @Override
  public void channelOccupied(AppSettings app, String channel) {
    events.add("channel_occupied " + app.id() + " " + channel);
  }

  @Override
  public void channelVacated(AppSettings app, String channel) {
    events.add("channel_vacated " + app.id() + " " + channel);
  }

  @Override
  public void memberAdded(AppSettings app, String channel, String userId) {
    events.add("member_added " + app.id() + " " + channel + " " + userId);
  }

  @Override
  public void memberRemoved(AppSettings app, String channel, String userId) {
    events.add("member_removed " + app.id() + " " + channel + " " + userId);
  }

  @Override
  public void clientEvent(
      AppSettings app, String channel, String event, String data, String socketId, String userId) {
    events.add(
        "client_event "
            + app.id()
            + " "
            + channel
            + " "
            + event
            + " "
            + data
            + " "
            + socketId
            + " "
            + userId);
  }

  @Override
  public void cacheMiss(AppSettings app, String channel) {
    events.add("cache_miss " + app.id() + " " + channel);
  }

  @Override
  public void subscriptionCount(AppSettings app, String channel, long count) {
    events.add("subscription_count " + app.id() + " " + channel + " " + count);
  }
}
