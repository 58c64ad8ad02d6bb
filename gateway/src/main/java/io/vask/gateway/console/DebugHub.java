package io.vask.gateway.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.ControlMessage;
import io.vask.gateway.protocol.ChannelName;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The debug stream, cluster-wide and interest-based. Records of an app travel on the bus as events
 * of its reserved channel {@link #CHANNEL}, so the bus's per-channel interest routes them to the
 * nodes with a watcher. A node with a watcher announces it every {@link #ANNOUNCE_MILLIS} ({@link
 * ControlMessage.DebugWatch}); every node builds and publishes an app's records only while such an
 * announcement is fresh. While no app is watched anywhere a hook costs one volatile read.
 */
public final class DebugHub implements DebugStream {
  /** The reserved bus channel of an app's records; {@code #} is not a valid client channel. */
  public static final String CHANNEL = "#debug";

  public static final long ANNOUNCE_MILLIS = 5_000;
  static final long LEASE_MILLIS = 3 * ANNOUNCE_MILLIS;

  private final ClusterBus bus;
  private final AppRegistry apps;
  private final Clock clock;
  private final DebugRecords records;
  private final int perSecond;
  private final LongConsumer droppedMetric;
  private final Map<String, List<Watcher>> local = new ConcurrentHashMap<>();
  private final Map<String, Long> announcedUntil = new ConcurrentHashMap<>();

  /** True while any app is watched on any node: the one read an unwatched hook pays. */
  private volatile boolean active;

  public DebugHub(
      ClusterBus bus,
      AppRegistry apps,
      Clock clock,
      String node,
      int perSecond,
      LongConsumer droppedMetric) {
    this.bus = bus;
    this.apps = apps;
    this.clock = clock;
    this.records = new DebugRecords(node);
    this.perSecond = perSecond;
    this.droppedMetric = droppedMetric;
  }

  /** Starts showing {@code appId}'s records, from every node, to {@code sink}. */
  public Watcher watch(String appId, Consumer<String> sink) {
    Watcher watcher = new Watcher(appId, sink, perSecond, droppedMetric);
    local.compute(
        appId,
        (id, list) -> {
          if (list == null) {
            bus.addInterest(id, CHANNEL);
            list = new CopyOnWriteArrayList<>();
          }
          list.add(watcher);
          return list;
        });
    bus.broadcast(new ControlMessage.DebugWatch(appId));
    return watcher;
  }

  public void unwatch(Watcher watcher) {
    local.computeIfPresent(
        watcher.appId(),
        (id, list) -> {
          list.remove(watcher);
          if (list.isEmpty()) {
            bus.removeInterest(id, CHANNEL);
            return null;
          }
          return list;
        });
  }

  /** Records that reached this node: to its watchers of the app. */
  public void deliver(ChannelEvent event) {
    List<Watcher> watchers = local.get(event.appId());
    if (watchers == null) {
      return;
    }
    String record = new String(event.frame(), StandardCharsets.UTF_8);
    long now = clock.millis();
    for (Watcher watcher : watchers) {
      watcher.offer(record, now);
    }
  }

  /** A node announced a watcher. */
  public void onControl(ControlMessage message) {
    if (message instanceof ControlMessage.DebugWatch watch) {
      announcedUntil.put(watch.appId(), clock.millis() + LEASE_MILLIS);
      active = true;
    }
  }

  /**
   * Every {@link #ANNOUNCE_MILLIS}: re-announce this node's watched apps, forget announcements that
   * were not renewed, report drops of quiet watchers.
   */
  public void tick() {
    long now = clock.millis();
    local.forEach(
        (appId, watchers) -> {
          bus.broadcast(new ControlMessage.DebugWatch(appId));
          watchers.forEach(w -> w.tick(now));
        });
    announcedUntil.values().removeIf(until -> until < now);
    active = !announcedUntil.isEmpty() || !local.isEmpty();
  }

  private ObjectNode record(String type, String appId) {
    if (!active) {
      return null;
    }
    Long until = announcedUntil.get(appId);
    if ((until == null || until < clock.millis()) && !local.containsKey(appId)) {
      return null;
    }
    return records.start(type, appId, clock.millis());
  }

  private void publish(String appId, ObjectNode record) {
    bus.publish(new ChannelEvent(appId, CHANNEL, DebugRecords.bytes(record), null));
  }

  @Override
  public void connectionOpened(String appId, String socketId, String origin) {
    ObjectNode r = record("connection_opened", appId);
    if (r != null) {
      publish(appId, r.put("socket_id", socketId).put("origin", origin));
    }
  }

  @Override
  public void connectionClosed(String appId, String socketId, int closeCode) {
    ObjectNode r = record("connection_closed", appId);
    if (r != null) {
      publish(appId, r.put("socket_id", socketId).put("code", closeCode));
    }
  }

  @Override
  public void subscribed(String appId, String channel, String socketId, String userId) {
    ObjectNode r = record("subscribed", appId);
    if (r != null) {
      publish(appId, r.put("channel", channel).put("socket_id", socketId).put("user_id", userId));
    }
  }

  @Override
  public void unsubscribed(String appId, String channel, String socketId, String userId) {
    ObjectNode r = record("unsubscribed", appId);
    if (r != null) {
      publish(appId, r.put("channel", channel).put("socket_id", socketId).put("user_id", userId));
    }
  }

  @Override
  public void channelOccupied(String appId, String channel) {
    ObjectNode r = record("channel_occupied", appId);
    if (r != null) {
      publish(appId, r.put("channel", channel));
    }
  }

  @Override
  public void channelVacated(String appId, String channel) {
    ObjectNode r = record("channel_vacated", appId);
    if (r != null) {
      publish(appId, r.put("channel", channel));
    }
  }

  @Override
  public void apiMessage(
      String appId,
      List<ChannelName> channels,
      String event,
      String data,
      String excludeSocketId,
      long serverTimeMillis) {
    ObjectNode r = record("api_message", appId);
    if (r != null) {
      ArrayNode names = r.putArray("channels");
      channels.forEach(c -> names.add(c.value()));
      r.put("event", event)
          .put("data_size", DebugRecords.utf8Length(data))
          .put("data_preview", DebugRecords.preview(data))
          .put("socket_id", excludeSocketId);
      if (serverTimeMillis > 0) {
        r.put("vask_ts", serverTimeMillis);
      }
      publish(appId, r);
    }
  }

  @Override
  public void clientEvent(
      String appId, String channel, String event, String socketId, String userId) {
    ObjectNode r = record("client_event", appId);
    if (r != null) {
      publish(
          appId,
          r.put("channel", channel)
              .put("event", event)
              .put("socket_id", socketId)
              .put("user_id", userId));
    }
  }

  @Override
  public void webhookAttempt(
      String appKey, String url, byte[] body, int status, long latencyMillis, int attempt) {
    if (!active) {
      return;
    }
    apps.byKey(appKey)
        .ifPresent(
            app -> {
              ObjectNode r = record("webhook", app.id());
              if (r != null) {
                r.put("target", url).put("status", status).put("latency_ms", latencyMillis);
                r.put("attempt", attempt).set("events", WebhookNames.of(body));
                publish(app.id(), r);
              }
            });
  }

  @Override
  public void errorSent(String appId, String socketId, Integer code, String message) {
    ObjectNode r = record("error", appId);
    if (r != null) {
      publish(appId, r.put("socket_id", socketId).put("code", code).put("message", message));
    }
  }
}
