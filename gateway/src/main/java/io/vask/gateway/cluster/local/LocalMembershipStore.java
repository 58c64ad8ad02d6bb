package io.vask.gateway.cluster.local;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vask.gateway.cluster.ChannelStats;
import io.vask.gateway.cluster.MemberJoin;
import io.vask.gateway.cluster.MembershipListener;
import io.vask.gateway.cluster.MembershipStore;
import io.vask.gateway.protocol.PresenceMember;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Membership for one node. With a single node every join/leave call is itself the cluster-wide
 * transition; the maps only answer queries. One lock: calls are rare (first/last per node) next to
 * message traffic. Held leaves wait out the grace on the store's own timer thread.
 */
public final class LocalMembershipStore implements MembershipStore {
  private final Map<String, Map<String, ChannelState>> apps = new HashMap<>();
  private final Map<String, Integer> connections = new HashMap<>();
  private final Map<String, Set<String>> onlineUsers = new HashMap<>();
  private final Map<String, HeldLeave> heldLeaves = new HashMap<>();
  private final long graceMillis;
  private final ScheduledExecutorService timer;
  private volatile MembershipListener listener;

  private static final class ChannelState {
    boolean occupied;
    long subscriptions;
    final Map<String, PresenceMember> members = new LinkedHashMap<>();
  }

  /** A leave waiting out the grace; {@code decide} reports it. */
  private record HeldLeave(Runnable decide, ScheduledFuture<?> task) {}

  public LocalMembershipStore(long graceMillis) {
    this.graceMillis = graceMillis;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vask-membership-grace");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void start(MembershipListener listener) {
    this.listener = listener;
  }

  @Override
  public synchronized CompletionStage<Boolean> channelJoined(String appId, String channel) {
    ChannelState state = stateOrNew(appId, channel);
    boolean occupied = !state.occupied;
    state.occupied = true;
    boolean returned = occupied && cancelLeave(channelKey(appId, channel));
    return completedFuture(occupied && !returned);
  }

  @Override
  public synchronized void channelLeft(String appId, String channel) {
    ChannelState state = state(appId, channel);
    if (state == null || !state.occupied) {
      return;
    }
    state.occupied = false;
    state.subscriptions = 0;
    holdLeave(channelKey(appId, channel), () -> listener.channelVacated(appId, channel));
  }

  @Override
  public synchronized CompletionStage<MemberJoin> memberJoined(
      String appId, String channel, PresenceMember member, int maxMembers) {
    ChannelState state = stateOrNew(appId, channel);
    if (state.members.containsKey(member.userId())) {
      return completedFuture(MemberJoin.ALREADY_PRESENT);
    }
    if (state.members.size() >= maxMembers) {
      dropIfUnused(appId, channel, state);
      return completedFuture(MemberJoin.FULL);
    }
    state.members.put(member.userId(), member);
    boolean returned = cancelLeave(memberKey(appId, channel, member.userId()));
    return completedFuture(returned ? MemberJoin.RETURNED : MemberJoin.ADDED);
  }

  @Override
  public synchronized CompletionStage<Boolean> memberLeft(
      String appId, String channel, String userId) {
    ChannelState state = state(appId, channel);
    boolean left = state != null && state.members.remove(userId) != null;
    if (left) {
      holdLeave(
          memberKey(appId, channel, userId), () -> listener.memberRemoved(appId, channel, userId));
    }
    return completedFuture(left);
  }

  @Override
  public CompletionStage<Void> flushPendingLeaves() {
    List<HeldLeave> held;
    synchronized (this) {
      held = new ArrayList<>(heldLeaves.values());
    }
    held.forEach(h -> h.decide().run());
    return completedFuture(null);
  }

  /** Holds a leave for the grace; {@code report} runs once unless a join cancels it first. */
  private void holdLeave(String key, Runnable report) {
    Runnable[] self = new Runnable[1];
    Runnable decide =
        () -> {
          if (release(key, self[0])) {
            report.run();
          }
        };
    self[0] = decide;
    // the task cannot decide before the put below: release() needs the lock the caller holds
    ScheduledFuture<?> task = timer.schedule(decide, graceMillis, TimeUnit.MILLISECONDS);
    HeldLeave previous = heldLeaves.put(key, new HeldLeave(decide, task));
    if (previous != null) {
      previous.task().cancel(false);
    }
  }

  /** True if this decide still owned the held leave (it is now gone). */
  private synchronized boolean release(String key, Runnable decide) {
    HeldLeave held = heldLeaves.get(key);
    if (held == null || held.decide() != decide) {
      return false;
    }
    heldLeaves.remove(key);
    held.task().cancel(false);
    dropIfUnused(key);
    return true;
  }

  /** True if a leave was held (and is now cancelled): the pair is swallowed. */
  private boolean cancelLeave(String key) {
    HeldLeave held = heldLeaves.remove(key);
    if (held == null) {
      return false;
    }
    held.task().cancel(false);
    return true;
  }

  @Override
  public synchronized CompletionStage<List<PresenceMember>> members(String appId, String channel) {
    ChannelState state = state(appId, channel);
    return completedFuture(state == null ? List.of() : new ArrayList<>(state.members.values()));
  }

  @Override
  public synchronized void localSubscriptionCount(String appId, String channel, long count) {
    ChannelState state = state(appId, channel);
    if (state != null) {
      state.subscriptions = count;
    }
  }

  @Override
  public synchronized CompletionStage<ChannelStats> stats(String appId, String channel) {
    ChannelState state = state(appId, channel);
    return completedFuture(
        state == null
            ? ChannelStats.EMPTY
            : new ChannelStats(state.subscriptions, state.members.size()));
  }

  @Override
  public synchronized CompletionStage<Map<String, ChannelStats>> channels(
      String appId, String prefix) {
    Map<String, ChannelStats> result = new TreeMap<>();
    apps.getOrDefault(appId, Map.of())
        .forEach(
            (name, state) -> {
              if (name.startsWith(prefix) && state.occupied) {
                result.put(name, new ChannelStats(state.subscriptions, state.members.size()));
              }
            });
    return completedFuture(result);
  }

  @Override
  public synchronized CompletionStage<Boolean> connectionOpened(String appId, int max) {
    int open = connections.getOrDefault(appId, 0);
    if (max > 0 && open >= max) {
      return completedFuture(false);
    }
    connections.put(appId, open + 1);
    return completedFuture(true);
  }

  @Override
  public synchronized void connectionClosed(String appId) {
    connections.computeIfPresent(appId, (k, open) -> open <= 1 ? null : open - 1);
  }

  @Override
  public synchronized CompletionStage<Boolean> userSignedIn(String appId, String userId) {
    return completedFuture(onlineUsers.computeIfAbsent(appId, k -> new HashSet<>()).add(userId));
  }

  @Override
  public synchronized CompletionStage<Boolean> userSignedOut(String appId, String userId) {
    Set<String> users = onlineUsers.get(appId);
    boolean offline = users != null && users.remove(userId);
    if (users != null && users.isEmpty()) {
      onlineUsers.remove(appId);
    }
    return completedFuture(offline);
  }

  @Override
  public synchronized CompletionStage<Set<String>> onlineUsers(
      String appId, Collection<String> userIds) {
    Set<String> online = onlineUsers.getOrDefault(appId, Set.of());
    Set<String> result = new HashSet<>();
    for (String id : userIds) {
      if (online.contains(id)) {
        result.add(id);
      }
    }
    return completedFuture(result);
  }

  @Override
  public boolean healthy() {
    return true;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  private static String channelKey(String appId, String channel) {
    return "c\n" + appId + "\n" + channel;
  }

  private static String memberKey(String appId, String channel, String userId) {
    return "m\n" + appId + "\n" + channel + "\n" + userId;
  }

  private void dropIfUnused(String heldKey) {
    String[] parts = heldKey.split("\n", 4);
    ChannelState state = state(parts[1], parts[2]);
    if (state != null) {
      dropIfUnused(parts[1], parts[2], state);
    }
  }

  private ChannelState stateOrNew(String appId, String channel) {
    return apps.computeIfAbsent(appId, k -> new HashMap<>())
        .computeIfAbsent(channel, k -> new ChannelState());
  }

  private void dropIfUnused(String appId, String channel, ChannelState state) {
    if (!state.occupied
        && state.members.isEmpty()
        && !heldLeaves.containsKey(channelKey(appId, channel))) {
      Map<String, ChannelState> channels = apps.get(appId);
      channels.remove(channel);
      if (channels.isEmpty()) {
        apps.remove(appId);
      }
    }
  }

  private ChannelState state(String appId, String channel) {
    Map<String, ChannelState> channels = apps.get(appId);
    return channels == null ? null : channels.get(channel);
  }
}
