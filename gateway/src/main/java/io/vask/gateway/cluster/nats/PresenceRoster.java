package io.vask.gateway.cluster.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.vask.gateway.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A presence channel's roster ({@code pr.<app>.<channel>}): each member and the nodes that hold a
 * place for them, changed only by compare-and-set, so it never has more members than the channel's
 * limit. A node takes its place in the roster before it writes the member's entry and gives it up
 * after withdrawing from it, so every present member is on the roster: the cluster never has more
 * members than the limit. Blocking calls: run them on the member key's lane.
 */
final class PresenceRoster {
  private final KeyValue bucket;

  PresenceRoster(KeyValue bucket) {
    this.bucket = bucket;
  }

  /**
   * Takes {@code node}'s place for the user: true if the user is on the roster already or the
   * roster has fewer than {@code max} members; false if it is full.
   */
  boolean admit(String key, String userId, String node, int max) throws Exception {
    boolean[] admitted = {true};
    mutate(
        key,
        roster -> {
          if (!roster.containsKey(userId) && roster.size() >= max) {
            admitted[0] = false;
            return roster;
          }
          return with(roster, userId, node);
        });
    return admitted[0];
  }

  /** Takes {@code node}'s place for the user, full or not (a member this node already had). */
  void restore(String key, String userId, String node) throws Exception {
    mutate(key, roster -> with(roster, userId, node));
  }

  /** Gives up {@code node}'s place for the user; the user leaves the roster with the last one. */
  void withdraw(String key, String userId, String node) throws Exception {
    mutate(
        key,
        roster -> {
          Set<String> nodes = roster.get(userId);
          if (nodes == null || !nodes.contains(node)) {
            return roster;
          }
          Map<String, Set<String>> next = new TreeMap<>(roster);
          Set<String> rest = new TreeSet<>(nodes);
          rest.remove(node);
          if (rest.isEmpty()) {
            next.remove(userId);
          } else {
            next.put(userId, rest);
          }
          return next;
        });
  }

  private static Map<String, Set<String>> with(
      Map<String, Set<String>> roster, String userId, String node) {
    Set<String> nodes = roster.getOrDefault(userId, Set.of());
    if (nodes.contains(node)) {
      return roster;
    }
    Map<String, Set<String>> next = new TreeMap<>(roster);
    Set<String> more = new TreeSet<>(nodes);
    more.add(node);
    next.put(userId, more);
    return next;
  }

  private void mutate(String key, UnaryOperator<Map<String, Set<String>>> change) throws Exception {
    for (int attempt = 0; ; attempt++) {
      KeyValueEntry current = bucket.get(key);
      Map<String, Set<String>> roster = current == null ? Map.of() : parse(current.getValue());
      Map<String, Set<String>> next = change.apply(roster);
      if (next.equals(roster)) {
        return;
      }
      try {
        if (next.isEmpty()) {
          bucket.delete(key, current.getRevision());
        } else if (current == null) {
          bucket.create(key, toBytes(next));
        } else {
          bucket.update(key, toBytes(next), current.getRevision());
        }
        return;
      } catch (JetStreamApiException conflict) {
        if (attempt >= 50) {
          throw conflict;
        }
        // another node changed the roster since our read: decide again
      }
    }
  }

  /**
   * The roster in a value ({@code {"r":{user:[nodes]}}}): user id → nodes (empty for a value this
   * version cannot read).
   */
  static Map<String, Set<String>> parse(byte[] value) {
    Map<String, Set<String>> roster = new TreeMap<>();
    JsonNode json = value == null ? null : Json.parse(value).orElse(null);
    if (json != null && json.path("r").isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = json.get("r").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Set<String> nodes = new TreeSet<>();
        e.getValue().forEach(n -> nodes.add(n.asText()));
        roster.put(e.getKey(), nodes);
      }
    }
    return roster;
  }

  private static byte[] toBytes(Map<String, Set<String>> roster) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    ObjectNode members = json.putObject("r");
    roster.forEach((user, nodes) -> nodes.forEach(members.withArray(user)::add));
    return Json.write(json).getBytes(StandardCharsets.UTF_8);
  }
}
