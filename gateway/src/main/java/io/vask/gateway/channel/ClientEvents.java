package io.vask.gateway.channel;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.ChannelType;
import io.vask.gateway.protocol.ClientMessage;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PusherError;
import io.vask.gateway.webhook.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Client events (PROTOCOL.md §4), with every rule in its order; each rejection is an in-band {@code
 * pusher:error} and the socket stays open. Accepted events go to every other subscriber,
 * cluster-wide, never back to the sender.
 */
public final class ClientEvents {
  static final int MAX_EVENT_NAME = 200;
  private final AppRegistry apps;
  private final ClusterBus bus;
  private final Webhooks webhooks;

  public ClientEvents(AppRegistry apps, ClusterBus bus, Webhooks webhooks) {
    this.apps = apps;
    this.bus = bus;
    this.webhooks = webhooks;
  }

  public void handle(Session session, ClientMessage.ClientEvent event) {
    Optional<AppSettings> found = apps.byId(session.appId());
    if (found.isEmpty()) {
      return;
    }
    AppSettings app = found.get();
    Optional<PusherError.Message> rejection = check(app, session, event);
    if (rejection.isPresent()) {
      session.sendError(rejection.get());
      return;
    }
    Subscription subscription = session.subscription(event.channel());
    String userId = subscription.member() == null ? null : subscription.member().userId();
    long serverTime = app.features().eventMetadata() ? System.currentTimeMillis() : 0;
    String frame = Frames.event(event.event(), event.channel(), event.data(), userId, serverTime);
    bus.publish(
        new ChannelEvent(
            app.id(), event.channel(), frame.getBytes(StandardCharsets.UTF_8), session.socketId()));
    webhooks.clientEvent(
        app, event.channel(), event.event(), event.data(), session.socketId(), userId);
  }

  private static Optional<PusherError.Message> check(
      AppSettings app, Session session, ClientMessage.ClientEvent event) {
    if (!app.features().clientEvents()) {
      return Optional.of(PusherError.CLIENT_EVENTS_DISABLED.with());
    }
    ChannelType type = ChannelName.parse(event.channel()).map(ChannelName::type).orElse(null);
    if (type == ChannelType.ENCRYPTED) {
      return Optional.of(PusherError.CLIENT_EVENT_ENCRYPTED.with());
    }
    if (type != ChannelType.PRIVATE && type != ChannelType.PRESENCE) {
      return Optional.of(PusherError.CLIENT_EVENT_WRONG_CHANNEL.with());
    }
    Subscription subscription = session.subscription(event.channel());
    if (subscription == null || !subscription.active()) {
      return Optional.of(PusherError.CLIENT_EVENT_NOT_SUBSCRIBED.with(event.channel()));
    }
    if (event.event().length() > MAX_EVENT_NAME) {
      return Optional.of(PusherError.CLIENT_EVENT_NAME_TOO_LONG.with(MAX_EVENT_NAME));
    }
    if (event.data().getBytes(StandardCharsets.UTF_8).length > app.limits().maxMessageBytes()) {
      return Optional.of(PusherError.CLIENT_EVENT_TOO_LARGE.with(app.limits().maxMessageBytes()));
    }
    if (!session.tryClientEvent(app.limits().clientEventsPerSecond(), System.nanoTime())) {
      return Optional.of(PusherError.RATE_LIMITED.with());
    }
    return Optional.empty();
  }
}
