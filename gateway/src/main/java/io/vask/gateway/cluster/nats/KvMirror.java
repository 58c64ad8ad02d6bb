package io.vask.gateway.cluster.nats;

import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import java.time.Duration;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * This node's copy of the membership bucket's keys of the apps it serves, kept by one watch per app
 * (keys {@code *.<app>.>}, see {@link Keys}): another app's keys never reach this node. Queries
 * read it without a round trip, and ordered keys let them take one app's or one channel's keys as a
 * range. It lags the bucket by a message; decisions never rest on it, they compare-and-set against
 * the bucket.
 */
final class KvMirror {
  private final NavigableMap<String, byte[]> values = new ConcurrentSkipListMap<>();
  private final Map<String, Versioned> versions = new ConcurrentHashMap<>();
  private final Map<String, NatsKeyValueWatchSubscription> watches = new ConcurrentHashMap<>();
  private final KeyValue bucket;
  private final Duration loadTimeout;
  private volatile Consumer<String> changes = key -> {};

  /** Hears each key that changed, after the mirror holds the change (on the watch's thread). */
  void onChange(Consumer<String> changes) {
    this.changes = changes;
  }

  KvMirror(KeyValue bucket, Duration loadTimeout) {
    this.bucket = bucket;
    this.loadTimeout = loadTimeout;
  }

  /** Starts mirroring {@code appId}'s keys and waits until the mirror holds them all. */
  void watch(String appId) throws Exception {
    if (watches.containsKey(appId)) {
      return;
    }
    CountDownLatch loaded = new CountDownLatch(1);
    NatsKeyValueWatchSubscription watch = bucket.watch(Keys.ofApp(appId), new Watcher(loaded));
    if (!loaded.await(loadTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      unsubscribe(watch);
      throw new IllegalStateException(
          "keys of app " + appId + " in " + bucket.getBucketName() + " did not load");
    }
    watches.put(appId, watch);
  }

  /** Stops mirroring {@code appId} and forgets its keys. */
  void unwatch(String appId) {
    NatsKeyValueWatchSubscription watch = watches.remove(appId);
    if (watch != null) {
      unsubscribe(watch);
    }
    values.keySet().removeIf(key -> Keys.appOf(key).equals(appId));
    versions.keySet().removeIf(key -> Keys.appOf(key).equals(appId));
  }

  /** Every key starting with {@code prefix}, in key order. */
  NavigableMap<String, byte[]> range(String prefix) {
    return values.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
  }

  byte[] get(String key) {
    return values.get(key);
  }

  NavigableMap<String, byte[]> all() {
    return values;
  }

  /**
   * {@code value} as a membership entry: parsed once while it is this mirror's value of {@code key}
   * (the value the caller read from {@link #range} or {@link #all}), parsed anew otherwise.
   */
  MembershipEntry entry(String key, byte[] value) {
    Versioned held = versions.get(key);
    return held != null && held.value() == value ? held.entry() : MembershipEntry.parse(value);
  }

  /** The entry of {@code key} as this mirror holds it; null when absent or not an entry. */
  MembershipEntry entry(String key) {
    Versioned held = versions.get(key);
    return held == null ? null : held.entry();
  }

  /**
   * The key's value with its bucket revision: on the first attempt of a compare-and-set, as last
   * mirrored (a guess that saves the read when current and fails the revision check harmlessly when
   * not); on later attempts, read from the bucket.
   */
  Versioned current(String key, int attempt) throws Exception {
    return attempt == 0 ? versions.get(key) : Versioned.of(bucket.get(key));
  }

  void close() {
    watches.values().forEach(KvMirror::unsubscribe);
    watches.clear();
  }

  private static void unsubscribe(NatsKeyValueWatchSubscription watch) {
    try {
      watch.unsubscribe();
    } catch (RuntimeException e) {
      // closing anyway
    }
  }

  /** One app's watch: applies its entries, opens the latch once the history is in. */
  private final class Watcher implements KeyValueWatcher {
    private final CountDownLatch loaded;

    Watcher(CountDownLatch loaded) {
      this.loaded = loaded;
    }

    @Override
    public void watch(KeyValueEntry entry) {
      if (entry.getOperation() == KeyValueOperation.PUT) {
        byte[] value = entry.getValue() == null ? new byte[0] : entry.getValue();
        versions.put(entry.getKey(), new Versioned(value, entry.getRevision()));
        values.put(entry.getKey(), value);
      } else {
        versions.remove(entry.getKey());
        values.remove(entry.getKey());
      }
      changes.accept(entry.getKey());
    }

    @Override
    public void endOfData() {
      loaded.countDown();
    }
  }
}
