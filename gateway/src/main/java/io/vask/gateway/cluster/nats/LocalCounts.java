package io.vask.gateway.cluster.nats;

import io.nats.client.KeyValue;
import io.vask.gateway.cluster.MembershipListener;
import io.vask.gateway.cluster.nats.Keys.Key;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's subscription counts per channel and open connections per app (what the console
 * reports; {@link NatsConnectionQuota} decides admission by leases). They change on every subscribe
 * and connect, so they are never written on that path: each change marks the key and {@link #flush}
 * (on a timer) puts the latest value under a key only this node writes, no compare-and-set needed.
 * Totals add this node's live values to the other nodes' mirrored ones.
 */
final class LocalCounts implements SweptState {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCounts.class);

  private final String node;
  private final KeyValue bucket;
  private final KvMirror mirror;
  private final CasLanes lanes;
  private final MembershipListener listener;
  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();

  LocalCounts(
      String node, KeyValue bucket, KvMirror mirror, CasLanes lanes, MembershipListener listener) {
    this.node = node;
    this.bucket = bucket;
    this.mirror = mirror;
    this.lanes = lanes;
    this.listener = listener;
  }

  void subscriptions(String appId, String channel, long count) {
    set(Keys.counts(appId, channel) + node, count);
  }

  /** This node's open connections of the app are now {@code open}. */
  void connections(String appId, long open) {
    set(Keys.connections(appId) + node, open);
  }

  /** This node's open connections of the app plus the other nodes' mirrored counts. */
  long connectionTotal(String appId) {
    return total(Keys.connections(appId));
  }

  long subscriptionTotal(String appId, String channel) {
    return total(Keys.counts(appId, channel));
  }

  /**
   * A mirrored key changed: when it is another node's subscription count, the channel's total
   * changed without a local subscribe, and this node's subscribers learn it.
   */
  void observe(String key) {
    if (key.startsWith(Keys.COUNT + ".") && !key.endsWith("." + node)) {
      Keys.parse(key).ifPresent(k -> listener.countObserved(k.appId(), k.channel()));
    }
  }

  private void set(String key, long count) {
    values.computeIfAbsent(key, k -> new AtomicLong()).set(count);
    dirty.add(key);
  }

  private long total(String prefix) {
    String own = prefix + node;
    long total = 0;
    for (Map.Entry<String, byte[]> e : mirror.range(prefix).entrySet()) {
      if (!e.getKey().equals(own)) {
        total += parse(e.getValue());
      }
    }
    AtomicLong mine = values.get(own);
    return total + (mine == null ? 0 : mine.get());
  }

  /** Writes every changed count (a zero deletes its key). Called on a timer, off event loops. */
  void flush() {
    for (String key : dirty) {
      dirty.remove(key);
      AtomicLong value = values.get(key);
      long count = value == null ? 0 : value.get();
      try {
        if (count == 0) {
          if (value != null && values.remove(key, value) && value.get() != 0) {
            values.putIfAbsent(key, value); // set again meanwhile: keep it and write it next time
            dirty.add(key);
            continue;
          }
          if (mirror.get(key) != null) {
            bucket.delete(key);
          }
        } else {
          bucket.put(key, Long.toString(count).getBytes(StandardCharsets.UTF_8));
        }
      } catch (Exception e) {
        dirty.add(key); // NATS is away: try again on the next flush
        LOG.debug("count {} not written: {}", key, e.toString());
        return;
      }
    }
  }

  @Override
  public void reconcile() {
    flush();
  }

  @Override
  public Set<String> holders() {
    Set<String> nodes = new HashSet<>();
    mirror
        .all()
        .keySet()
        .forEach(key -> Keys.parse(key).filter(Key::count).map(Key::node).ifPresent(nodes::add));
    return nodes;
  }

  /** Deletes the dead node's counts; the channels' totals changed without a local subscribe. */
  @Override
  public void evict(String dead) {
    for (String key : mirror.all().keySet()) {
      Keys.parse(key)
          .filter(k -> k.count() && dead.equals(k.node()))
          .ifPresent(k -> lanes.on(key, () -> deleteCount(key, k)));
    }
  }

  private boolean deleteCount(String key, Key parsed) throws Exception {
    if (mirror.get(key) == null) {
      return false;
    }
    bucket.delete(key);
    if (Keys.COUNT.equals(parsed.kind())) {
      listener.countChanged(parsed.appId(), parsed.channel());
    }
    return true;
  }

  /** After a reconnect the bucket may have lost or evicted our counts: write them all again. */
  void rewriteAll() {
    dirty.addAll(values.keySet());
  }

  static long parse(byte[] value) {
    try {
      return Long.parseLong(new String(value, StandardCharsets.UTF_8).trim());
    } catch (RuntimeException e) {
      return 0;
    }
  }

  void close() {
    flush();
  }
}
