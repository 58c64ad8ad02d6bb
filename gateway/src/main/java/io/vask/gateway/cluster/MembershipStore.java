package io.vask.gateway.cluster;

import io.vask.gateway.protocol.PresenceMember;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Cluster-wide state that decides transitions exactly once (ARCHITECTURE.md §4): a channel is
 * occupied while any node has a subscriber, a presence user is a member while any node has a
 * connection of theirs, a user is online while any node has a signed-in connection of theirs.
 *
 * <p>Nodes call the join/leave methods only when their own answer flips (first/last local socket of
 * a channel, first/last local socket of a user), so writes scale with nodes, not sockets. A
 * returned {@code true} means this call made the cluster-wide transition: the caller announces it.
 *
 * <p>The store owns Pusher's webhook de-bounce: a channel's or member's last leave is held for a
 * grace (3 s) before the store reports it to its {@link MembershipListener}; a join on any node
 * within the grace cancels it and is reported as no transition (or {@link MemberJoin#RETURNED}).
 */
public interface MembershipStore extends AutoCloseable {

  /** Starts reporting later transitions to {@code listener}. Called once, before other calls. */
  void start(MembershipListener listener);

  /**
   * This node got its first subscriber of the channel; true if the channel became occupied (not
   * re-occupied within the grace of its last leave).
   */
  CompletionStage<Boolean> channelJoined(String appId, String channel);

  /**
   * This node lost its last subscriber of the channel. If no node has one, the channel is vacated
   * once the grace passes without a join: the listener hears {@code channelVacated}.
   */
  void channelLeft(String appId, String channel);

  /** This node got the user's first connection in a presence channel. */
  CompletionStage<MemberJoin> memberJoined(
      String appId, String channel, PresenceMember member, int maxMembers);

  /**
   * This node lost the user's last connection in a presence channel; true if the user left the
   * channel cluster-wide (subscribers get member_removed now; the webhook waits for the grace).
   */
  CompletionStage<Boolean> memberLeft(String appId, String channel, String userId);

  /**
   * Decides every held leave of this node as soon as it can (shutdown): completes when none is
   * left. A node alone decides at once; a clustered node lets the grace run so that clients
   * reconnecting to other nodes are not announced as leaving.
   */
  CompletionStage<Void> flushPendingLeaves();

  /** The channel's unique presence members, cluster-wide. */
  CompletionStage<List<PresenceMember>> members(String appId, String channel);

  /** This node's subscriber count of a channel changed (0 removes the node's share). */
  void localSubscriptionCount(String appId, String channel, long count);

  /** Cluster-wide counts of one channel. */
  CompletionStage<ChannelStats> stats(String appId, String channel);

  /** Every occupied channel of an app whose name starts with {@code prefix}, with its counts. */
  CompletionStage<Map<String, ChannelStats>> channels(String appId, String prefix);

  /** Admits a connection if the app is below {@code max} cluster-wide (0 = unlimited). */
  CompletionStage<Boolean> connectionOpened(String appId, int max);

  void connectionClosed(String appId);

  /** The user's first signed-in connection on this node; true if they came online cluster-wide. */
  CompletionStage<Boolean> userSignedIn(String appId, String userId);

  /** The user's last signed-in connection on this node closed; true if they went offline. */
  CompletionStage<Boolean> userSignedOut(String appId, String userId);

  /** Which of these users are online anywhere in the cluster. */
  CompletionStage<Set<String>> onlineUsers(String appId, Collection<String> userIds);

  /** False while the store cannot reach the cluster. */
  boolean healthy();

  @Override
  void close();
}
