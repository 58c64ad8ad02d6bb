package io.vask.gateway.connection;

import io.vask.gateway.channel.ClientEvents;
import io.vask.gateway.channel.Session;
import io.vask.gateway.channel.Subscriptions;
import io.vask.gateway.metrics.GatewayMetrics;
import io.vask.gateway.protocol.ClientMessage;
import io.vask.gateway.protocol.ClientMessageParser;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PusherError;
import io.vask.gateway.user.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each message of an established connection to its use case. A message that fails
 * unexpectedly is logged and answered with an in-band error; the socket stays open.
 */
public final class InboundMessages {
  private static final Logger LOG = LoggerFactory.getLogger(InboundMessages.class);
  private final Subscriptions subscriptions;
  private final ClientEvents clientEvents;
  private final Users users;
  private final GatewayMetrics metrics;

  public InboundMessages(
      Subscriptions subscriptions, ClientEvents clientEvents, Users users, GatewayMetrics metrics) {
    this.subscriptions = subscriptions;
    this.clientEvents = clientEvents;
    this.users = users;
    this.metrics = metrics;
  }

  /** One text (or leniently decoded binary) message; ignored once the session has closed. */
  public void receive(Session session, String text) {
    if (session == null || !session.isOpen()) {
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
      subscriptions.subscribe(session, subscribe);
    } else if (message instanceof ClientMessage.Unsubscribe unsubscribe) {
      subscriptions.unsubscribe(session, unsubscribe.channel());
    } else if (message instanceof ClientMessage.ClientEvent event) {
      clientEvents.handle(session, event);
    } else if (message instanceof ClientMessage.Signin signin) {
      users.signIn(session, signin);
    } else if (message instanceof ClientMessage.Invalid invalid) {
      metrics.error("null");
      session.sendError(invalid.error());
    }
    // Pong and ignored pusher:* events need no answer: reading them already counted as activity.
  }
}
