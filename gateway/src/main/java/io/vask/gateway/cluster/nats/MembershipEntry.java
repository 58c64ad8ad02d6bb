package io.vask.gateway.cluster.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.protocol.PresenceMember;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * The value of a channel, presence member or online-user key: the nodes holding it, when the last
 * of them left (0 while held; a leave waits out the grace with no nodes) and, for members, the
 * member as the first node saw it. Immutable: changes make a new entry.
 */
record MembershipEntry(Set<String> nodes, long leftAt, PresenceMember member) {

  static MembershipEntry held(String node, PresenceMember member) {
    return new MembershipEntry(Set.of(node), 0, member);
  }

  boolean holds(String node) {
    return nodes.contains(node);
  }

  boolean heldByOthers(String node) {
    return nodes.size() > (nodes.contains(node) ? 1 : 0);
  }

  boolean empty() {
    return nodes.isEmpty();
  }

  MembershipEntry with(String node) {
    Set<String> more = new TreeSet<>(nodes);
    more.add(node);
    return new MembershipEntry(more, 0, member);
  }

  /** Without {@code node}; stamped with {@code now} when that empties it. */
  MembershipEntry without(String node, long now) {
    Set<String> fewer = new TreeSet<>(nodes);
    fewer.remove(node);
    return new MembershipEntry(fewer, fewer.isEmpty() ? now : 0, member);
  }

  byte[] toBytes() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    ArrayNode array = json.putArray("n");
    nodes.forEach(array::add);
    json.put("l", leftAt);
    if (member != null) {
      json.put("u", member.userId());
      json.put("i", member.userInfoJson());
    }
    return Json.write(json).getBytes(StandardCharsets.UTF_8);
  }

  /** Null for a value this version cannot read (treated as absent). */
  static MembershipEntry parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    JsonNode json = Json.parse(bytes).orElse(null);
    if (json == null || !json.has("n")) {
      return null;
    }
    Set<String> nodes = new TreeSet<>();
    json.get("n").forEach(n -> nodes.add(n.asText()));
    PresenceMember member =
        json.has("u") ? new PresenceMember(json.get("u").asText(), text(json.get("i"))) : null;
    return new MembershipEntry(nodes, json.path("l").asLong(), member);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
