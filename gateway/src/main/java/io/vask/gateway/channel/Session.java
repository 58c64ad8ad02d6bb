package io.vask.gateway.channel;

import io.vask.gateway.console.DebugStream;
import io.vask.gateway.limit.RateWindow;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PusherError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One WebSocket connection's Pusher state: its socket id, app, subscriptions, signed-in user and
 * client-event budget. Confined to the connection's loop; never shared.
 */
public final class Session {
  private final String socketId;
  private final String appId;
  private final Transport transport;
  private final String clientAddress;
  private final RateWindow subscribeRate = new RateWindow();
  private final RateWindow signinRate = new RateWindow();
  private final DebugStream debug;
  private final Map<String, Subscription> subscriptions = new HashMap<>(4);
  private SignedInUser user;
  private boolean open = true;
  private long rateWindowStartNanos;
  private int rateWindowCount;

  public Session(String socketId, String appId, Transport transport) {
    this(socketId, appId, transport, "", DebugStream.OFF);
  }

  /**
   * A session of a client at {@code clientAddress} (counted against the per-address limits) whose
   * errors the debug console sees.
   */
  public Session(
      String socketId, String appId, Transport transport, String clientAddress, DebugStream debug) {
    this.socketId = socketId;
    this.appId = appId;
    this.transport = transport;
    this.clientAddress = clientAddress;
    this.debug = debug;
  }

  public String clientAddress() {
    return clientAddress;
  }

  /** This socket's subscribe and unsubscribe budget. */
  public RateWindow subscribeRate() {
    return subscribeRate;
  }

  /** This socket's sign-in budget. */
  public RateWindow signinRate() {
    return signinRate;
  }

  public String socketId() {
    return socketId;
  }

  public String appId() {
    return appId;
  }

  public Transport transport() {
    return transport;
  }

  public boolean isOpen() {
    return open;
  }

  /** Marks the session closed; returns false if it already was. */
  public boolean markClosed() {
    boolean wasOpen = open;
    open = false;
    return wasOpen;
  }

  public void send(String frame) {
    if (open) {
      transport.send(frame);
    }
  }

  public void sendError(PusherError.Message error) {
    debug.errorSent(appId, socketId, error.code(), error.message());
    send(Frames.error(error));
  }

  public void sendError(PusherError error) {
    sendError(error.with());
  }

  public Subscription subscription(String channel) {
    return subscriptions.get(channel);
  }

  Subscription addSubscription(Subscription subscription) {
    subscriptions.put(subscription.channel().value(), subscription);
    return subscription;
  }

  Subscription removeSubscription(String channel) {
    return subscriptions.remove(channel);
  }

  /** Removes and returns every subscription (on disconnect). */
  List<Subscription> drainSubscriptions() {
    List<Subscription> all = new ArrayList<>(subscriptions.values());
    subscriptions.clear();
    return all;
  }

  public Collection<Subscription> subscriptions() {
    return subscriptions.values();
  }

  public SignedInUser user() {
    return user;
  }

  public void signIn(SignedInUser user) {
    this.user = user;
  }

  /** Counts a client event against a one-second window; false when over {@code perSecond}. */
  boolean tryClientEvent(int perSecond, long nowNanos) {
    if (nowNanos - rateWindowStartNanos >= 1_000_000_000L) {
      rateWindowStartNanos = nowNanos;
      rateWindowCount = 0;
    }
    if (rateWindowCount >= perSecond) {
      return false;
    }
    rateWindowCount++;
    return true;
  }
}
