package io.vask.gateway.cluster.local;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vask.gateway.cluster.Leave;
import io.vask.gateway.cluster.MemberJoin;
import io.vask.gateway.cluster.Presence;
import io.vask.gateway.cluster.local.LocalMembership.ChannelState;
import io.vask.gateway.protocol.PresenceMember;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Presence members on a single node, in the channel's state; the grace de-bounces the leave. */
final class LocalPresence implements Presence {
  private final LocalMembership shared;

  LocalPresence(LocalMembership shared) {
    this.shared = shared;
  }

  @Override
  public CompletionStage<MemberJoin> memberJoined(
      String appId, String channel, PresenceMember member, int maxMembers) {
    synchronized (shared) {
      ChannelState state = shared.stateOrNew(appId, channel);
      if (state.members.containsKey(member.userId())) {
        return completedFuture(MemberJoin.ALREADY_PRESENT);
      }
      if (state.members.size() >= maxMembers) {
        shared.dropIfUnused(appId, channel, state);
        return completedFuture(MemberJoin.FULL);
      }
      state.members.put(member.userId(), member);
      boolean returned = shared.grace().cancel(new Leave.OfMember(appId, channel, member.userId()));
      return completedFuture(returned ? MemberJoin.RETURNED : MemberJoin.ADDED);
    }
  }

  @Override
  public CompletionStage<Boolean> memberLeft(String appId, String channel, String userId) {
    synchronized (shared) {
      ChannelState state = shared.state(appId, channel);
      boolean left = state != null && state.members.remove(userId) != null;
      if (left) {
        shared.holdLeave(new Leave.OfMember(appId, channel, userId), appId, channel);
      }
      return completedFuture(left);
    }
  }

  @Override
  public CompletionStage<List<PresenceMember>> members(String appId, String channel) {
    synchronized (shared) {
      ChannelState state = shared.state(appId, channel);
      return completedFuture(state == null ? List.of() : new ArrayList<>(state.members.values()));
    }
  }
}
