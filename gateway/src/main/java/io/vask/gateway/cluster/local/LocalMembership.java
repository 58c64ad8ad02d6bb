package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.Leave;
import io.vask.gateway.cluster.LeaveGrace;
import io.vask.gateway.cluster.MembershipLifecycle;
import io.vask.gateway.cluster.MembershipListener;
import io.vask.gateway.cluster.StartedListener;
import io.vask.gateway.protocol.PresenceMember;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What {@link LocalOccupancy}, {@link LocalPresence} and {@link LocalChannelCounts} share on a
 * single node: each channel's state, under one lock (this object; calls are rare, first/last per
 * node, next to message traffic), and the {@link LeaveGrace}, on its own timer thread. With one
 * node every join/leave is itself the cluster-wide transition; the maps only answer queries.
 */
final class LocalMembership implements MembershipLifecycle {
  private final Map<String, Map<String, ChannelState>> apps = new HashMap<>();
  private final StartedListener listener = new StartedListener();
  private final ScheduledExecutorService timer;
  private final LeaveGrace grace;

  /** One channel on this node. */
  static final class ChannelState {
    boolean occupied;
    long subscriptions;
    final Map<String, PresenceMember> members = new LinkedHashMap<>();
  }

  LocalMembership(long graceMillis) {
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vask-membership-grace");
              t.setDaemon(true);
              return t;
            });
    this.grace = new LeaveGrace(graceMillis, timer, LeaveGrace.OnFlush.DECIDE_NOW, listener);
  }

  LeaveGrace grace() {
    return grace;
  }

  /** Holds a leave; once it stands, the channel's state goes if nothing else keeps it. */
  void holdLeave(Leave leave, String appId, String channel) {
    grace.hold(
        leave,
        () -> {
          synchronized (this) {
            ChannelState state = state(appId, channel);
            if (state != null) {
              dropIfUnused(appId, channel, state);
            }
          }
          return CompletableFuture.completedFuture(true);
        });
  }

  ChannelState stateOrNew(String appId, String channel) {
    return apps.computeIfAbsent(appId, k -> new HashMap<>())
        .computeIfAbsent(channel, k -> new ChannelState());
  }

  ChannelState state(String appId, String channel) {
    Map<String, ChannelState> channels = apps.get(appId);
    return channels == null ? null : channels.get(channel);
  }

  /** Every channel of the app, for listing. */
  Map<String, ChannelState> channels(String appId) {
    return apps.getOrDefault(appId, Map.of());
  }

  void dropIfUnused(String appId, String channel, ChannelState state) {
    if (!state.occupied
        && state.members.isEmpty()
        && !grace.holds(new Leave.OfChannel(appId, channel))) {
      Map<String, ChannelState> channels = apps.get(appId);
      channels.remove(channel);
      if (channels.isEmpty()) {
        apps.remove(appId);
      }
    }
  }

  @Override
  public void start(MembershipListener listener) {
    this.listener.start(listener);
  }

  @Override
  public CompletionStage<Void> flushPendingLeaves() {
    return grace.flush();
  }

  @Override
  public boolean healthy() {
    return true;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
