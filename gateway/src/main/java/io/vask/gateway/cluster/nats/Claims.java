package io.vask.gateway.cluster.nats;

import io.vask.gateway.protocol.PresenceMember;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;

/**
 * What this node holds in the membership bucket, by key: channels it has subscribers of, presence
 * members it has connections of, users signed in on it. Its own truth, always current: queries
 * answer this node's share from it, and the janitor writes the bucket back to it after an outage.
 */
final class Claims {
  /** One claim; {@code member} only for presence keys. */
  private record Claim(PresenceMember member) {}

  private final ConcurrentSkipListMap<String, Claim> claims = new ConcurrentSkipListMap<>();

  void add(String key, PresenceMember member) {
    claims.put(key, new Claim(member));
  }

  void remove(String key) {
    claims.remove(key);
  }

  boolean has(String key) {
    return claims.containsKey(key);
  }

  /** The claimed keys starting with {@code prefix}, in order. */
  List<String> keys(String prefix) {
    return new ArrayList<>(range(prefix).keySet());
  }

  /** The presence members claimed under a channel's members prefix. */
  List<PresenceMember> members(String prefix) {
    List<PresenceMember> members = new ArrayList<>();
    range(prefix).values().forEach(c -> members.add(c.member()));
    return members;
  }

  /** Every claim: its key and, for presence keys, its member (else null). */
  void forEach(BiConsumer<String, PresenceMember> action) {
    claims.forEach((key, claim) -> action.accept(key, claim.member()));
  }

  private NavigableMap<String, Claim> range(String prefix) {
    return claims.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
  }
}
