package io.vask.gateway.cluster.nats;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.vask.gateway.cluster.BusListener;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.ControlMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channel events over core NATS. A node subscribes to a channel's subject only while it has local
 * subscribers; what it publishes is delivered locally at once and skipped when NATS brings it back
 * (the origin header names the node). At most once, like Pusher: an event published while NATS is
 * unreachable still reaches this node's subscribers. jnats re-subscribes after a reconnect. A new
 * interest is confirmed by a round trip to the server, once per channel and node, never per event.
 */
public final class NatsClusterBus implements ClusterBus {
  private static final Logger LOG = LoggerFactory.getLogger(NatsClusterBus.class);
  static final String ORIGIN = "Vask-Origin";
  static final String EXCLUDE = "Vask-Exclude";

  private final Connection connection;
  private final String nodeId;
  private final Map<String, CompletableFuture<Void>> interests = new ConcurrentHashMap<>();
  private final InterestConfirmations confirmations;
  private final java.util.concurrent.atomic.AtomicLong dropped =
      new java.util.concurrent.atomic.AtomicLong();
  private final Map<String, Boolean> servedApps = new ConcurrentHashMap<>();
  private volatile BusListener listener;
  private volatile Dispatcher dispatcher;

  public NatsClusterBus(Connection connection, String nodeId) {
    this.connection = connection;
    this.nodeId = nodeId;
    this.confirmations = new InterestConfirmations(connection, Duration.ofSeconds(2));
  }

  @Override
  public void start(BusListener listener) {
    this.listener = listener;
    synchronized (servedApps) {
      dispatcher = connection.createDispatcher(this::onMessage);
      servedApps.keySet().forEach(app -> dispatcher.subscribe(Tokens.controlSubject(app)));
    }
  }

  /** Hears {@code appId}'s control messages from now on (before or after {@link #start}). */
  void serve(String appId) {
    synchronized (servedApps) {
      if (servedApps.put(appId, Boolean.TRUE) == null && dispatcher != null) {
        dispatcher.subscribe(Tokens.controlSubject(appId));
      }
    }
  }

  /** Stops hearing {@code appId}'s control messages. */
  void stopServing(String appId) {
    synchronized (servedApps) {
      if (servedApps.remove(appId) != null && dispatcher != null) {
        dispatcher.unsubscribe(Tokens.controlSubject(appId));
      }
    }
  }

  @Override
  public void publish(ChannelEvent event) {
    listener.deliver(event);
    Headers headers = new Headers().put(ORIGIN, nodeId);
    if (event.excludeSocketId() != null) {
      headers.put(EXCLUDE, event.excludeSocketId());
    }
    send(Tokens.channelSubject(event.appId(), event.channel()), headers, event.frame());
  }

  @Override
  public CompletionStage<Void> addInterest(String appId, String channel) {
    return interests.computeIfAbsent(
        Tokens.channelSubject(appId, channel),
        s -> {
          dispatcher.subscribe(s);
          return confirmations.afterSent();
        });
  }

  @Override
  public void removeInterest(String appId, String channel) {
    interests.computeIfPresent(
        Tokens.channelSubject(appId, channel),
        (s, present) -> {
          dispatcher.unsubscribe(s);
          return null;
        });
  }

  @Override
  public void broadcast(ControlMessage message) {
    listener.control(message);
    Headers headers = ControlCodec.encode(message).put(ORIGIN, nodeId);
    send(Tokens.controlSubject(message.appId()), headers, new byte[0]);
  }

  @Override
  public boolean healthy() {
    return connection.getStatus() == Connection.Status.CONNECTED;
  }

  @Override
  public void close() {
    confirmations.close();
    if (dispatcher != null) {
      connection.closeDispatcher(dispatcher);
    }
  }

  private void send(String subject, Headers headers, byte[] body) {
    try {
      // while reconnecting jnats buffers a bounded amount, then refuses: local delivery is done
      connection.publish(subject, headers, body);
    } catch (RuntimeException e) {
      dropped.incrementAndGet();
      LOG.debug("not published to {}: {}", subject, e.toString());
    }
  }

  @Override
  public long droppedPublishes() {
    return dropped.get();
  }

  private void onMessage(Message message) {
    Headers headers = message.getHeaders();
    if (headers == null || nodeId.equals(headers.getFirst(ORIGIN))) {
      return;
    }
    String[] parts = message.getSubject().split("\\.", 4);
    if (parts.length == 3 && "ctl".equals(parts[2])) {
      ControlCodec.decode(parts[1], headers).ifPresent(listener::control);
    } else if (parts.length == 4 && "ch".equals(parts[2])) {
      listener.deliver(
          new ChannelEvent(
              parts[1], Tokens.decode(parts[3]), message.getData(), headers.getFirst(EXCLUDE)));
    }
  }
}
