package io.vask.gateway.cluster.nats;

import io.vask.gateway.cluster.ChannelStats;
import io.vask.gateway.protocol.PresenceMember;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The membership queries, answered without a round trip: other nodes' shares from the mirror and
 * this node's own from its claims, which are always current.
 */
final class MembershipView {
  private final String node;
  private final KvMirror mirror;
  private final Claims claims;
  private final LocalCounts counts;

  MembershipView(NatsMembership shared, LocalCounts counts) {
    this.node = shared.node();
    this.mirror = shared.mirror();
    this.claims = shared.claims();
    this.counts = counts;
  }

  /** The channel's members: those other nodes hold (mirror) and this node's own. */
  Map<String, PresenceMember> presentUsers(String appId, String channel) {
    String prefix = Keys.members(appId, channel);
    Map<String, PresenceMember> present = new TreeMap<>();
    mirror
        .range(prefix)
        .forEach(
            (key, value) -> {
              MembershipEntry entry = mirror.entry(key, value);
              if (entry != null && entry.heldByOthers(node) && entry.member() != null) {
                present.put(entry.member().userId(), entry.member());
              }
            });
    claims.members(prefix).forEach(m -> present.put(m.userId(), m));
    return present;
  }

  /** Occupied channels of the app whose names start with {@code prefix}, with their counts. */
  Map<String, ChannelStats> channels(String appId, String prefix) {
    Set<String> occupied = new HashSet<>();
    String appPrefix = Keys.CHANNEL + "." + appId + ".";
    mirror
        .range(appPrefix)
        .forEach(
            (key, value) -> {
              MembershipEntry entry = mirror.entry(key, value);
              if (entry != null && entry.heldByOthers(node)) {
                occupied.add(key);
              }
            });
    occupied.addAll(claims.keys(appPrefix));
    Map<String, ChannelStats> result = new TreeMap<>();
    for (String key : occupied) {
      Keys.parse(key)
          .map(Keys.Key::channel)
          .filter(channel -> channel.startsWith(prefix))
          .ifPresent(
              channel ->
                  result.put(
                      channel,
                      new ChannelStats(
                          counts.subscriptionTotal(appId, channel),
                          presentUsers(appId, channel).size())));
    }
    return result;
  }

  /** Which of these users have a signed-in connection on any node. */
  Set<String> onlineUsers(String appId, Collection<String> userIds) {
    Set<String> online = new HashSet<>();
    for (String id : userIds) {
      String key = Keys.user(appId, id);
      MembershipEntry entry = mirror.entry(key);
      if (claims.has(key) || (entry != null && entry.heldByOthers(node))) {
        online.add(id);
      }
    }
    return online;
  }
}
