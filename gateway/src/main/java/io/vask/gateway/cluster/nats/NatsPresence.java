package io.vask.gateway.cluster.nats;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vask.gateway.cluster.Leave;
import io.vask.gateway.cluster.MemberJoin;
import io.vask.gateway.cluster.Presence;
import io.vask.gateway.cluster.nats.CasLanes.Change;
import io.vask.gateway.cluster.nats.NatsMembership.Back;
import io.vask.gateway.protocol.PresenceMember;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Presence as {@code pm.} entries holding the nodes with connections of the member. */
final class NatsPresence implements Presence {
  private final NatsMembership shared;
  private final MembershipView view;

  NatsPresence(NatsMembership shared, MembershipView view) {
    this.shared = shared;
    this.view = view;
  }

  @Override
  public CompletionStage<MemberJoin> memberJoined(
      String appId, String channel, PresenceMember member, int maxMembers) {
    String key = Keys.member(appId, channel, member.userId());
    shared.claims().add(key, member);
    if (!shared.up()) {
      MembershipEntry seen = shared.seen(key);
      return completedFuture(
          seen != null && seen.heldByOthers(shared.node())
              ? MemberJoin.ALREADY_PRESENT
              : MemberJoin.ADDED);
    }
    return shared.onLane(key, () -> join(key, appId, channel, member, maxMembers));
  }

  private MemberJoin join(
      String key, String appId, String channel, PresenceMember member, int maxMembers)
      throws Exception {
    if (!shared.claims().has(key)) {
      return MemberJoin.ALREADY_PRESENT;
    }
    MembershipEntry seen = shared.seen(key);
    boolean present = seen != null && !seen.empty();
    if (!present && view.presentUsers(appId, channel).size() > maxMembers) {
      shared.claims().remove(key);
      return MemberJoin.FULL;
    }
    Change change = shared.claim(key, member);
    if (!change.written()) {
      return MemberJoin.ALREADY_PRESENT;
    }
    Back back = shared.cameBack(change, new Leave.OfMember(appId, channel, member.userId()));
    return back == Back.NEW
        ? MemberJoin.ADDED
        : back == Back.RETURNED ? MemberJoin.RETURNED : MemberJoin.ALREADY_PRESENT;
  }

  @Override
  public CompletionStage<Boolean> memberLeft(String appId, String channel, String userId) {
    String key = Keys.member(appId, channel, userId);
    shared.claims().remove(key);
    if (!shared.up()) {
      MembershipEntry seen = shared.seen(key);
      return completedFuture(seen == null || !seen.heldByOthers(shared.node()));
    }
    return shared.onLane(
        key, () -> shared.release(key, new Leave.OfMember(appId, channel, userId)));
  }

  @Override
  public CompletionStage<List<PresenceMember>> members(String appId, String channel) {
    return completedFuture(new ArrayList<>(view.presentUsers(appId, channel).values()));
  }
}
