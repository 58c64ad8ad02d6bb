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
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * One app's leases of connection slots: a single key ({@code cq.<app>.leases}) mapping each node to
 * the slots it holds, changed only by compare-and-set. The sum never exceeds the app's {@code
 * maxConnections}, and a node admits only within what it holds, so the cluster never admits more.
 * Blocking calls: run them on the key's lane.
 */
final class SlotLeases {
  private final KeyValue bucket;

  SlotLeases(KeyValue bucket) {
    this.bucket = bucket;
  }

  /** What one compare-and-set saw: the other nodes' slots, and whether it wrote. */
  record Outcome(long others, boolean written) {}

  /**
   * Sets {@code node}'s slots to {@code change.apply(othersTotal)} (null leaves them as they are),
   * retrying when another node wrote in between.
   */
  Outcome set(String key, String node, LongFunction<Long> change) throws Exception {
    long[] seen = new long[1];
    boolean written =
        mutate(
            key,
            leases -> {
              seen[0] = others(leases, node);
              Long mine = change.apply(seen[0]);
              if (mine == null) {
                return null;
              }
              Map<String, Long> next = new TreeMap<>(leases);
              if (mine <= 0) {
                next.remove(node);
              } else {
                next.put(node, mine);
              }
              return next;
            });
    return new Outcome(seen[0], written);
  }

  /** Takes {@code dead}'s slots out of the key: true if it held some. */
  boolean drop(String key, String dead) throws Exception {
    return mutate(
        key,
        leases -> {
          if (!leases.containsKey(dead)) {
            return null;
          }
          Map<String, Long> next = new TreeMap<>(leases);
          next.remove(dead);
          return next;
        });
  }

  private boolean mutate(String key, UnaryOperator<Map<String, Long>> change) throws Exception {
    for (int attempt = 0; ; attempt++) {
      KeyValueEntry current = bucket.get(key);
      Map<String, Long> leases = current == null ? Map.of() : parse(current.getValue());
      Map<String, Long> next = change.apply(leases);
      if (next == null || next.equals(leases)) {
        return false;
      }
      try {
        if (current == null) {
          bucket.create(key, toBytes(next));
        } else {
          bucket.update(key, toBytes(next), current.getRevision());
        }
        return true;
      } catch (JetStreamApiException conflict) {
        if (attempt >= 50) {
          throw conflict;
        }
        // another node leased or returned slots since our read: decide again
      }
    }
  }

  private static long others(Map<String, Long> leases, String node) {
    long sum = 0;
    for (Map.Entry<String, Long> e : leases.entrySet()) {
      if (!e.getKey().equals(node)) {
        sum += e.getValue();
      }
    }
    return sum;
  }

  static Map<String, Long> parse(byte[] value) {
    Map<String, Long> leases = new TreeMap<>();
    if (value == null || value.length == 0) {
      return leases;
    }
    JsonNode json = Json.parse(value).orElse(null);
    if (json != null && json.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        leases.put(e.getKey(), e.getValue().asLong());
      }
    }
    return leases;
  }

  private static byte[] toBytes(Map<String, Long> leases) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    leases.forEach(json::put);
    return Json.write(json).getBytes(StandardCharsets.UTF_8);
  }
}
