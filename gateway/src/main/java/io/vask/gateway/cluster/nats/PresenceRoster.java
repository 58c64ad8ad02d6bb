package io.vask.gateway.cluster.nats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.vask.gateway.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A presence channel's roster ({@code pr.<app>.<channel>}): each member and the nodes that hold a
 * place for them, changed only by compare-and-set, so it never has more members than the channel's
 * limit. A node takes its place in the roster before it writes the member's entry and gives it up
 * after withdrawing from it, so every present member is on the roster: the cluster never has more
 * members than the limit. Edits of one roster asked for at once by this node's lanes are written
 * together ({@link EditBatches}). Blocking calls: run them on the member key's lane.
 */
final class PresenceRoster {
  private final KeyValue bucket;
  private final KvMirror mirror;
  private final EditBatches<Map<String, Set<String>>> edits = new EditBatches<>(this::mutate);

  PresenceRoster(KeyValue bucket, KvMirror mirror) {
    this.bucket = bucket;
    this.mirror = mirror;
  }

  /**
   * Takes {@code node}'s place for the user: true if the user is on the roster already or the
   * roster has fewer than {@code max} members; false if it is full.
   */
  boolean admit(String key, String userId, String node, int max) throws Exception {
    return edits.submit(
        key,
        (roster, admitted) -> { // decided again on every attempt: a guess may say full
          admitted[0] = roster.containsKey(userId) || roster.size() < max;
          return admitted[0] && roster.computeIfAbsent(userId, u -> new TreeSet<>()).add(node);
        });
  }

  /** Takes {@code node}'s place for the user, full or not (a member this node already had). */
  void restore(String key, String userId, String node) throws Exception {
    edits.submit(
        key, (roster, answer) -> roster.computeIfAbsent(userId, u -> new TreeSet<>()).add(node));
  }

  /** Gives up {@code node}'s place for the user; the user leaves the roster with the last one. */
  void withdraw(String key, String userId, String node) throws Exception {
    edits.submit(
        key,
        (roster, answer) -> {
          Set<String> nodes = roster.get(userId);
          if (nodes == null || !nodes.remove(node)) {
            return false;
          }
          if (nodes.isEmpty()) {
            roster.remove(userId);
          }
          return true;
        });
  }

  /** Rosters with edits in flight (for tests). */
  int rostersInUse() {
    return edits.keysInUse();
  }

  /**
   * Reads the roster, lets {@code change} edit the parsed copy (true: it changed) and writes it
   * back if the key still has the revision read; decides again when another node wrote first. The
   * first read is the mirror's (as {@link CasLanes#mutate}: a current mirror saves the bucket read,
   * a lagging one costs a failed write, and leaving the roster as it is is decided on the bucket's
   * value only). The value is read, parsed and written whole: a join costs in proportion to the
   * roster's size.
   */
  private void mutate(String key, Predicate<Map<String, Set<String>>> change) throws Exception {
    for (int attempt = 0; ; attempt++) {
      boolean guessed = attempt == 0;
      Versioned current = mirror.current(key, attempt);
      Map<String, Set<String>> roster = parse(current == null ? null : current.value());
      if (!change.test(roster)) {
        if (guessed) {
          continue;
        }
        return;
      }
      try {
        if (roster.isEmpty()) {
          bucket.delete(key, current.revision());
        } else if (current == null) {
          bucket.create(key, toBytes(roster));
        } else {
          bucket.update(key, toBytes(roster), current.revision());
        }
        return;
      } catch (JetStreamApiException conflict) {
        if (attempt >= 51) {
          throw conflict;
        }
        // another node changed the roster since our read (or the mirror lagged): decide again
      }
    }
  }

  /**
   * The roster in a value ({@code {"r":{user:[nodes]}}}): user id → nodes, a map of its own the
   * caller may change (empty for a value this version cannot read). Read as a token stream: a tree
   * of nodes would cost several times as much for a roster of thousands.
   */
  static Map<String, Set<String>> parse(byte[] value) {
    Map<String, Set<String>> roster = new HashMap<>();
    if (value == null) {
      return roster;
    }
    try (JsonParser json = Json.MAPPER.getFactory().createParser(value)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return new HashMap<>();
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        boolean members = "r".equals(json.currentName());
        if (json.nextToken() == JsonToken.START_OBJECT && members) {
          readMembers(json, roster);
        } else {
          json.skipChildren();
        }
      }
      return roster;
    } catch (IOException e) {
      return new HashMap<>();
    }
  }

  private static void readMembers(JsonParser json, Map<String, Set<String>> roster)
      throws IOException {
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String user = json.currentName();
      Set<String> nodes = new TreeSet<>();
      if (json.nextToken() == JsonToken.START_ARRAY) {
        for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
          if (t == null) {
            throw new IOException("roster value ends inside a member");
          }
          nodes.add(json.getValueAsString());
        }
      } else {
        json.skipChildren();
      }
      roster.put(user, nodes);
    }
  }

  private static byte[] toBytes(Map<String, Set<String>> roster) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 48 * roster.size());
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeObjectFieldStart("r");
      for (Map.Entry<String, Set<String>> member : roster.entrySet()) {
        json.writeArrayFieldStart(member.getKey());
        for (String node : member.getValue()) {
          json.writeString(node);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    return out.toByteArray();
  }
}
