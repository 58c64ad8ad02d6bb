package io.vask.gateway.channel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every channel with subscribers on this node, per app, and presence connection counts per user.
 * Counting happens atomically under the map's per-key lock, so "first/last on this node" is decided
 * exactly once; set membership then changes on the session's own loop.
 */
public final class ChannelRegistry {
  private final int loops;
  private final Map<String, Map<String, LocalChannel>> apps = new ConcurrentHashMap<>();
  private final Map<PresenceKey, AtomicInteger> presence = new ConcurrentHashMap<>();
  private final AtomicInteger subscriptions = new AtomicInteger();

  private record PresenceKey(String appId, String channel, String userId) {}

  public ChannelRegistry(int loops) {
    this.loops = loops;
  }

  /** Adds the session to the channel (on its loop); returns the node's new subscriber count. */
  public int join(Session session, String channel) {
    int loop = session.transport().loopIndex();
    int[] count = new int[1];
    LocalChannel local =
        channels(session.appId())
            .compute(
                channel,
                (name, existing) -> {
                  LocalChannel ch = existing != null ? existing : new LocalChannel(name, loops);
                  count[0] = ch.countIn(loop);
                  return ch;
                });
    local.on(loop).add(session);
    subscriptions.incrementAndGet();
    return count[0];
  }

  /** Removes the session from the channel (on its loop); returns the node's new count. */
  public int leave(Session session, String channel) {
    int loop = session.transport().loopIndex();
    Map<String, LocalChannel> channels = channels(session.appId());
    LocalChannel local = channels.get(channel);
    if (local == null || !local.on(loop).remove(session)) {
      return local == null ? 0 : local.total();
    }
    int[] count = new int[1];
    channels.computeIfPresent(
        channel,
        (name, ch) -> {
          count[0] = ch.countOut(loop);
          return count[0] == 0 ? null : ch;
        });
    subscriptions.decrementAndGet();
    return count[0];
  }

  /** Counts a presence connection of the user in; true if it is the user's first on this node. */
  boolean presenceIn(String appId, String channel, String userId) {
    return presence
            .computeIfAbsent(new PresenceKey(appId, channel, userId), k -> new AtomicInteger())
            .incrementAndGet()
        == 1;
  }

  /** Counts a presence connection out; true if it was the user's last on this node. */
  boolean presenceOut(String appId, String channel, String userId) {
    boolean[] last = new boolean[1];
    presence.computeIfPresent(
        new PresenceKey(appId, channel, userId),
        (k, n) -> {
          last[0] = n.decrementAndGet() == 0;
          return last[0] ? null : n;
        });
    return last[0];
  }

  LocalChannel channel(String appId, String channel) {
    Map<String, LocalChannel> channels = apps.get(appId);
    return channels == null ? null : channels.get(channel);
  }

  /** This node's subscriber count of a channel. */
  public int localCount(String appId, String channel) {
    LocalChannel local = channel(appId, channel);
    return local == null ? 0 : local.total();
  }

  /** Names of the channels of an app with subscribers on this node. */
  public Collection<String> localChannels(String appId) {
    Map<String, LocalChannel> channels = apps.get(appId);
    return channels == null ? List.of() : List.copyOf(channels.keySet());
  }

  /** Subscriptions on this node, all apps. */
  public int subscriptionCount() {
    return subscriptions.get();
  }

  int loops() {
    return loops;
  }

  private Map<String, LocalChannel> channels(String appId) {
    return apps.computeIfAbsent(appId, k -> new ConcurrentHashMap<>());
  }
}
