package io.vask.gateway.cluster;

import io.vask.gateway.protocol.PresenceMember;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A presence channel's unique members, cluster-wide: a user is a member while any node has a
 * connection of theirs in the channel. Nodes call join/leave on their first/last connection of the
 * user; the last leave is held for the {@link LeaveGrace} before its webhook.
 */
public interface Presence {

  /** This node got the user's first connection in a presence channel. */
  CompletionStage<MemberJoin> memberJoined(
      String appId, String channel, PresenceMember member, int maxMembers);

  /**
   * This node lost the user's last connection in a presence channel; true if the user left the
   * channel cluster-wide (subscribers get member_removed now; the webhook waits for the grace).
   */
  CompletionStage<Boolean> memberLeft(String appId, String channel, String userId);

  /** The channel's unique presence members, cluster-wide. */
  CompletionStage<List<PresenceMember>> members(String appId, String channel);
}
