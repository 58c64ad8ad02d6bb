package io.vask.gateway.cluster.nats;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.nats.client.KeyValue;
import io.vask.gateway.cluster.ChannelStats;
import io.vask.gateway.cluster.MemberJoin;
import io.vask.gateway.cluster.MembershipListener;
import io.vask.gateway.cluster.MembershipStore;
import io.vask.gateway.cluster.nats.CasLanes.Change;
import io.vask.gateway.protocol.PresenceMember;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Membership on a NATS KV bucket. This node's claims (channels, members, users it holds) are its
 * own truth and answer its share of every query at once; other nodes' shares come from the mirror.
 * A claim is written only when this node's answer flips, by compare-and-set, and the write that
 * makes a cluster-wide transition reports it: once, whichever node wins. Leaves are held for the
 * grace as entries with no nodes; the {@link MembershipJanitor} decides those whose node died.
 */
public final class NatsMembershipStore implements MembershipStore {
  private static final Logger LOG = LoggerFactory.getLogger(NatsMembershipStore.class);

  final String node;
  final long graceMillis;
  final KvMirror mirror;
  final CasLanes lanes;
  final Link link;
  final Map<String, Boolean> channels = new ConcurrentHashMap<>();
  final ConcurrentSkipListMap<String, PresenceMember> members = new ConcurrentSkipListMap<>();
  final Map<String, Boolean> users = new ConcurrentHashMap<>();
  final LocalCounts counts;
  private final ScheduledExecutorService timer;
  private final Set<CompletableFuture<Void>> heldLeaves = ConcurrentHashMap.newKeySet();
  volatile MembershipListener listener;

  NatsMembershipStore(
      String node,
      KeyValue bucket,
      KvMirror mirror,
      Link link,
      ScheduledExecutorService timer,
      long graceMillis) {
    this.node = node;
    this.mirror = mirror;
    this.link = link;
    this.timer = timer;
    this.graceMillis = graceMillis;
    this.lanes = new CasLanes(bucket, 4);
    this.counts = new LocalCounts(node, bucket, mirror);
  }

  @Override
  public void start(MembershipListener listener) {
    this.listener = listener;
  }

  @Override
  public CompletionStage<Boolean> channelJoined(String appId, String channel) {
    String key = Keys.channel(appId, channel);
    channels.put(key, Boolean.TRUE);
    if (!link.up()) {
      return completedFuture(false); // the janitor writes the claim once NATS is back
    }
    return lanes.on(
        key,
        () -> {
          if (!channels.containsKey(key)) {
            return false;
          }
          Change change =
              lanes.mutate(key, e -> e == null ? MembershipEntry.held(node, null) : e.with(node));
          return change.written()
              && cameBack(change, () -> listener.channelVacated(appId, channel)) == Back.NEW;
        });
  }

  @Override
  public void channelLeft(String appId, String channel) {
    String key = Keys.channel(appId, channel);
    channels.remove(key);
    if (link.up()) {
      lanes.on(
          key,
          () ->
              release(
                  key,
                  () -> channels.containsKey(key),
                  () -> listener.channelVacated(appId, channel)));
    }
  }

  @Override
  public CompletionStage<MemberJoin> memberJoined(
      String appId, String channel, PresenceMember member, int maxMembers) {
    String key = Keys.member(appId, channel, member.userId());
    members.put(key, member);
    if (!link.up()) {
      MembershipEntry seen = MembershipEntry.parse(mirror.get(key));
      return completedFuture(
          seen != null && seen.heldByOthers(node) ? MemberJoin.ALREADY_PRESENT : MemberJoin.ADDED);
    }
    return lanes.on(
        key,
        () -> {
          if (!members.containsKey(key)) {
            return MemberJoin.ALREADY_PRESENT;
          }
          MembershipEntry seen = MembershipEntry.parse(mirror.get(key));
          boolean present = seen != null && !seen.empty();
          if (!present && presentUsers(appId, channel).size() > maxMembers) {
            members.remove(key);
            return MemberJoin.FULL;
          }
          Change change =
              lanes.mutate(key, e -> e == null ? MembershipEntry.held(node, member) : e.with(node));
          if (!change.written()) {
            return MemberJoin.ALREADY_PRESENT;
          }
          Back back =
              cameBack(change, () -> listener.memberRemoved(appId, channel, member.userId()));
          return back == Back.NEW
              ? MemberJoin.ADDED
              : back == Back.RETURNED ? MemberJoin.RETURNED : MemberJoin.ALREADY_PRESENT;
        });
  }

  @Override
  public CompletionStage<Boolean> memberLeft(String appId, String channel, String userId) {
    String key = Keys.member(appId, channel, userId);
    members.remove(key);
    if (!link.up()) {
      MembershipEntry seen = MembershipEntry.parse(mirror.get(key));
      return completedFuture(seen == null || !seen.heldByOthers(node));
    }
    return lanes.on(
        key,
        () ->
            release(
                key,
                () -> members.containsKey(key),
                () -> listener.memberRemoved(appId, channel, userId)));
  }

  /** How a join found its entry: absent, held within the grace, or already held by others. */
  enum Back {
    NEW,
    RETURNED,
    ALREADY
  }

  /**
   * Classifies a written join. An entry left longer ago than the grace was not decided by its node
   * (it died): this join decides that leave first, then counts as new.
   */
  private Back cameBack(Change change, Runnable reportStaleLeave) {
    MembershipEntry before = change.before();
    if (before == null) {
      return Back.NEW;
    }
    if (!before.empty()) {
      return Back.ALREADY;
    }
    if (System.currentTimeMillis() - before.leftAt() < graceMillis) {
      return Back.RETURNED;
    }
    reportStaleLeave.run();
    return Back.NEW;
  }

  /**
   * Takes this node out of the entry (unless it claimed it again meanwhile). True if that emptied
   * it: the leave is then held for the grace and reported unless someone comes back.
   */
  boolean release(String key, java.util.function.BooleanSupplier claimed, Runnable report)
      throws Exception {
    if (claimed.getAsBoolean()) {
      return false;
    }
    long now = System.currentTimeMillis();
    Change change = lanes.mutate(key, e -> e == null || !e.holds(node) ? e : e.without(node, now));
    boolean emptied = change.written() && change.after().empty();
    if (emptied) {
      CompletableFuture<Void> held = new CompletableFuture<>();
      heldLeaves.add(held);
      timer.schedule(
          () ->
              decideHeldLeave(key, now, report)
                  .whenComplete(
                      (ok, error) -> {
                        heldLeaves.remove(held);
                        held.complete(null);
                      }),
          graceMillis,
          TimeUnit.MILLISECONDS);
    }
    return emptied;
  }

  /** Deletes an entry still empty since {@code leftAt}; the deleting node reports the leave. */
  CompletionStage<Boolean> decideHeldLeave(String key, long leftAt, Runnable report) {
    return lanes.on(
        key,
        () -> {
          Change change =
              lanes.mutate(key, e -> e != null && e.empty() && e.leftAt() == leftAt ? null : e);
          if (change.written()) {
            report.run();
          }
          return change.written();
        });
  }

  @Override
  public CompletionStage<Void> flushPendingLeaves() {
    return CompletableFuture.allOf(heldLeaves.toArray(new CompletableFuture<?>[0]));
  }

  @Override
  public CompletionStage<List<PresenceMember>> members(String appId, String channel) {
    return completedFuture(new ArrayList<>(presentUsers(appId, channel).values()));
  }

  /** The channel's members: those other nodes hold (mirror) and this node's own. */
  Map<String, PresenceMember> presentUsers(String appId, String channel) {
    String prefix = Keys.members(appId, channel);
    Map<String, PresenceMember> present = new TreeMap<>();
    mirror
        .range(prefix)
        .forEach(
            (key, value) -> {
              MembershipEntry entry = MembershipEntry.parse(value);
              if (entry != null && entry.heldByOthers(node) && entry.member() != null) {
                present.put(entry.member().userId(), entry.member());
              }
            });
    members
        .subMap(prefix, prefix + Character.MAX_VALUE)
        .values()
        .forEach(m -> present.put(m.userId(), m));
    return present;
  }

  @Override
  public void localSubscriptionCount(String appId, String channel, long count) {
    counts.subscriptions(appId, channel, count);
  }

  @Override
  public CompletionStage<ChannelStats> stats(String appId, String channel) {
    return completedFuture(
        new ChannelStats(
            counts.subscriptionTotal(appId, channel), presentUsers(appId, channel).size()));
  }

  @Override
  public CompletionStage<Map<String, ChannelStats>> channels(String appId, String prefix) {
    Set<String> occupied = new HashSet<>();
    String appPrefix = Keys.CHANNEL + "." + appId + ".";
    mirror
        .range(appPrefix)
        .forEach(
            (key, value) -> {
              MembershipEntry entry = MembershipEntry.parse(value);
              if (entry != null && entry.heldByOthers(node)) {
                occupied.add(key);
              }
            });
    channels.keySet().stream().filter(k -> k.startsWith(appPrefix)).forEach(occupied::add);
    Map<String, ChannelStats> result = new TreeMap<>();
    for (String key : occupied) {
      String channel = Tokens.decode(key.substring(appPrefix.length()));
      if (channel.startsWith(prefix)) {
        result.put(
            channel,
            new ChannelStats(
                counts.subscriptionTotal(appId, channel), presentUsers(appId, channel).size()));
      }
    }
    return completedFuture(result);
  }

  @Override
  public CompletionStage<Boolean> connectionOpened(String appId, int max) {
    return completedFuture(counts.openConnection(appId, max));
  }

  @Override
  public void connectionClosed(String appId) {
    counts.closeConnection(appId);
  }

  @Override
  public CompletionStage<Boolean> userSignedIn(String appId, String userId) {
    String key = Keys.user(appId, userId);
    users.put(key, Boolean.TRUE);
    if (!link.up()) {
      return completedFuture(false);
    }
    return lanes.on(
        key,
        () -> {
          if (!users.containsKey(key)) {
            return false;
          }
          Change change =
              lanes.mutate(key, e -> e == null ? MembershipEntry.held(node, null) : e.with(node));
          return change.written() && (change.before() == null || change.before().empty());
        });
  }

  @Override
  public CompletionStage<Boolean> userSignedOut(String appId, String userId) {
    String key = Keys.user(appId, userId);
    users.remove(key);
    if (!link.up()) {
      return completedFuture(false);
    }
    return lanes.on(key, () -> signOut(key));
  }

  /** Users have no grace (watchlist events are immediate): the last node deletes the entry. */
  boolean signOut(String key) throws Exception {
    if (users.containsKey(key)) {
      return false;
    }
    Change change =
        lanes.mutate(
            key,
            e -> {
              if (e == null || !e.holds(node)) {
                return e;
              }
              MembershipEntry rest = e.without(node, 0);
              return rest.empty() ? null : rest;
            });
    return change.written() && change.after() == null;
  }

  @Override
  public CompletionStage<Set<String>> onlineUsers(String appId, Collection<String> userIds) {
    Set<String> online = new HashSet<>();
    for (String id : userIds) {
      String key = Keys.user(appId, id);
      MembershipEntry entry = MembershipEntry.parse(mirror.get(key));
      if (users.containsKey(key) || (entry != null && entry.heldByOthers(node))) {
        online.add(id);
      }
    }
    return completedFuture(online);
  }

  @Override
  public boolean healthy() {
    return link.up();
  }

  @Override
  public void close() {
    counts.close();
    lanes.close();
    LOG.debug("membership store of {} closed", node);
  }
}
