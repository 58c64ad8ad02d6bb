package io.vask.gateway.connection;

import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.channel.ClientEvents;
import io.vask.gateway.channel.Session;
import io.vask.gateway.channel.Subscriptions;
import io.vask.gateway.limit.LimitReason;
import io.vask.gateway.limit.LimitSettings;
import io.vask.gateway.limit.RateWindow;
import io.vask.gateway.limit.Refusals;
import io.vask.gateway.metrics.GatewayMetrics;
import io.vask.gateway.protocol.ClientMessage;
import io.vask.gateway.protocol.ClientMessageParser;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PusherError;
import io.vask.gateway.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each message of an established connection to its use case, once its app is still served and
 * enabled (a reload may have removed it: 4001, or disabled it: 4003) and, for subscribe,
 * unsubscribe and sign-in, within the socket's rate (4301, in-band). A message that fails
 * unexpectedly is logged and answered with an in-band error; the socket stays open.
 */
public final class InboundMessages {
  private static final Logger LOG = LoggerFactory.getLogger(InboundMessages.class);
  private final Subscriptions subscriptions;
  private final ClientEvents clientEvents;
  private final Users users;
  private final GatewayMetrics metrics;
  private final AppRegistry apps;
  private final LimitSettings limits;
  private final Refusals refusals;

  public InboundMessages(
      Subscriptions subscriptions,
      ClientEvents clientEvents,
      Users users,
      GatewayMetrics metrics,
      AppRegistry apps,
      LimitSettings limits,
      Refusals refusals) {
    this.subscriptions = subscriptions;
    this.clientEvents = clientEvents;
    this.users = users;
    this.metrics = metrics;
    this.apps = apps;
    this.limits = limits;
    this.refusals = refusals;
  }

  /** One text (or leniently decoded binary) message; ignored once the session has closed. */
  public void receive(Session session, String text) {
    if (session == null || !session.isOpen()) {
      return;
    }
    if (!AppStanding.stillServed(apps, session, refusals)) {
      return;
    }
    try {
      dispatch(session, ClientMessageParser.parse(text));
    } catch (RuntimeException e) {
      LOG.warn(
          "socket {} of app {}: message handling failed", session.socketId(), session.appId(), e);
      session.sendError(PusherError.INTERNAL_ERROR);
    }
  }

  private void dispatch(Session session, ClientMessage message) {
    if (message instanceof ClientMessage.Ping) {
      session.send(Frames.PONG);
    } else if (message instanceof ClientMessage.Subscribe subscribe) {
      if (withinRate(session, session.subscribeRate(), limits.subscribesPerSecond(), true)) {
        subscriptions.subscribe(session, subscribe);
      }
    } else if (message instanceof ClientMessage.Unsubscribe unsubscribe) {
      if (withinRate(session, session.subscribeRate(), limits.subscribesPerSecond(), true)) {
        subscriptions.unsubscribe(session, unsubscribe.channel());
      }
    } else if (message instanceof ClientMessage.ClientEvent event) {
      clientEvents.handle(session, event);
    } else if (message instanceof ClientMessage.Signin signin) {
      if (withinRate(session, session.signinRate(), limits.signinsPerSecond(), false)) {
        users.signIn(session, signin);
      }
    } else if (message instanceof ClientMessage.Invalid invalid) {
      metrics.error("null");
      session.sendError(invalid.error());
    }
    // Pong and ignored pusher:* events need no answer: reading them already counted as activity.
  }

  /** Counts one subscribe/unsubscribe or sign-in; over the rate it is dropped with 4301. */
  private boolean withinRate(Session session, RateWindow rate, int perSecond, boolean subscribe) {
    if (rate.tryAcquire(perSecond, System.nanoTime())) {
      return true;
    }
    refusals.count(subscribe ? LimitReason.SUBSCRIBE_RATE : LimitReason.SIGNIN_RATE);
    PusherError error =
        subscribe ? PusherError.SUBSCRIBE_RATE_LIMITED : PusherError.SIGNIN_RATE_LIMITED;
    metrics.error(error.code().toString());
    session.sendError(error);
    return false;
  }
}
