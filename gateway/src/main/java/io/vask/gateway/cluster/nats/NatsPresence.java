package io.vask.gateway.cluster.nats;

import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import io.vask.gateway.cluster.Leave;
import io.vask.gateway.cluster.MemberJoin;
import io.vask.gateway.cluster.Presence;
import io.vask.gateway.cluster.nats.CasLanes.Change;
import io.vask.gateway.cluster.nats.Keys.Key;
import io.vask.gateway.cluster.nats.NatsMembership.Back;
import io.vask.gateway.protocol.PresenceMember;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * Presence as {@code pm.} entries holding the nodes with connections of the member, admitted
 * through the channel's {@link PresenceRoster} so that the limit holds cluster-wide. While NATS is
 * unreachable only users already present elsewhere may join (no place can be taken on the roster).
 */
final class NatsPresence implements Presence, SweptState {
  private final NatsMembership shared;
  private final MembershipView view;
  private final PresenceRoster roster;

  NatsPresence(NatsMembership shared, MembershipView view, PresenceRoster roster) {
    this.shared = shared;
    this.view = view;
    this.roster = roster;
  }

  @Override
  public CompletionStage<MemberJoin> memberJoined(
      String appId, String channel, PresenceMember member, int maxMembers) {
    String key = Keys.member(appId, channel, member.userId());
    shared.claims().add(key, member);
    if (!shared.up()) {
      MembershipEntry seen = shared.seen(key);
      if (seen != null && seen.heldByOthers(shared.node())) {
        return completedFuture(MemberJoin.ALREADY_PRESENT);
      }
      shared.claims().remove(key);
      return failedFuture(new IOException("cluster unreachable: no place for a new member"));
    }
    return shared.onLane(key, () -> join(key, appId, channel, member, maxMembers));
  }

  private MemberJoin join(
      String key, String appId, String channel, PresenceMember member, int maxMembers)
      throws Exception {
    if (!shared.claims().has(key)) {
      return MemberJoin.ALREADY_PRESENT;
    }
    if (!roster.admit(Keys.roster(appId, channel), member.userId(), shared.node(), maxMembers)) {
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
        key,
        () -> {
          boolean emptied = shared.release(key, new Leave.OfMember(appId, channel, userId));
          if (!shared.claims().has(key)) { // its place goes only after the entry let it go
            roster.withdraw(Keys.roster(appId, channel), userId, shared.node());
          }
          return emptied;
        });
  }

  @Override
  public CompletionStage<List<PresenceMember>> members(String appId, String channel) {
    return completedFuture(new ArrayList<>(view.presentUsers(appId, channel).values()));
  }

  /**
   * After an outage: places of members this node let go meanwhile are given up, and members it kept
   * get their place back (full or not: they never left).
   */
  @Override
  public void reconcile() {
    String node = shared.node();
    // each roster is parsed once per sweep: a member-by-member parse costs members² per channel
    Map<String, Map<String, Set<String>>> rosters = new HashMap<>();
    eachPlace(
        (memberKey, holders) -> {
          if (holders.contains(node) && !shared.claims().has(memberKey)) {
            withdrawOnLane(memberKey, node);
          }
        });
    shared
        .claims()
        .forEach(
            (memberKey, member) ->
                Keys.parse(memberKey)
                    .filter(k -> Keys.MEMBER.equals(k.kind()))
                    .filter(k -> writtenBefore(memberKey, node) && !placeSeen(k, node, rosters))
                    .ifPresent(
                        k ->
                            shared.onLane(
                                memberKey,
                                () -> {
                                  if (shared.claims().has(memberKey)) {
                                    roster.restore(
                                        Keys.roster(k.appId(), k.channel()), k.userId(), node);
                                  }
                                  return true;
                                })));
  }

  /**
   * Only members whose entry already names this node get their place back: a join still on its way
   * takes its place through the roster's limit, never around it.
   */
  private boolean writtenBefore(String memberKey, String node) {
    MembershipEntry seen = shared.seen(memberKey);
    return seen != null && seen.holds(node);
  }

  private boolean placeSeen(Key member, String node, Map<String, Map<String, Set<String>>> parsed) {
    return parsed
        .computeIfAbsent(
            Keys.roster(member.appId(), member.channel()),
            key -> PresenceRoster.parse(shared.mirror().get(key)))
        .getOrDefault(member.userId(), Set.of())
        .contains(node);
  }

  @Override
  public Set<String> holders() {
    Set<String> nodes = new HashSet<>();
    eachPlace((memberKey, holders) -> nodes.addAll(holders));
    return nodes;
  }

  /** A dead node's places go after its member entries (same lane, queued after the sweep's). */
  @Override
  public void evict(String dead) {
    eachPlace(
        (memberKey, holders) -> {
          if (holders.contains(dead)) {
            withdrawOnLane(memberKey, dead);
          }
        });
  }

  private void withdrawOnLane(String memberKey, String holder) {
    Keys.parse(memberKey)
        .ifPresent(
            k ->
                shared.onLane(
                    memberKey,
                    () -> {
                      if (!holder.equals(shared.node()) || !shared.claims().has(memberKey)) {
                        roster.withdraw(Keys.roster(k.appId(), k.channel()), k.userId(), holder);
                      }
                      return true;
                    }));
  }

  /** Every place on every mirrored roster: the member's key and the nodes holding it. */
  private void eachPlace(BiConsumer<String, Set<String>> action) {
    shared
        .mirror()
        .all()
        .forEach(
            (key, value) ->
                Keys.parse(key)
                    .filter(k -> Keys.ROSTER.equals(k.kind()))
                    .ifPresent(
                        k -> {
                          for (Map.Entry<String, Set<String>> place :
                              PresenceRoster.parse(value).entrySet()) {
                            action.accept(
                                Keys.member(k.appId(), k.channel(), place.getKey()),
                                place.getValue());
                          }
                        }));
  }
}
