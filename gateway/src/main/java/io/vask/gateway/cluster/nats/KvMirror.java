package io.vask.gateway.cluster.nats;

import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import java.time.Duration;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * This node's copy of a KV bucket, kept by a watch: queries read it without a round trip, and
 * ordered keys let them take one app's or one channel's keys as a range. It lags the bucket by a
 * message; decisions never rest on it, they compare-and-set against the bucket.
 */
final class KvMirror implements KeyValueWatcher {
  private final NavigableMap<String, byte[]> values = new ConcurrentSkipListMap<>();
  private final CountDownLatch loaded = new CountDownLatch(1);
  private NatsKeyValueWatchSubscription watch;
  private volatile Consumer<String> changes = key -> {};

  /** Hears each key that changed, after the mirror holds the change (on the watch's thread). */
  void onChange(Consumer<String> changes) {
    this.changes = changes;
  }

  void start(KeyValue bucket, Duration loadTimeout) throws Exception {
    watch = bucket.watchAll(this);
    if (!loaded.await(loadTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("KV bucket " + bucket.getBucketName() + " did not load");
    }
  }

  @Override
  public void watch(KeyValueEntry entry) {
    if (entry.getOperation() == KeyValueOperation.PUT) {
      values.put(entry.getKey(), entry.getValue() == null ? new byte[0] : entry.getValue());
    } else {
      values.remove(entry.getKey());
    }
    changes.accept(entry.getKey());
  }

  @Override
  public void endOfData() {
    loaded.countDown();
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

  void close() {
    if (watch != null) {
      try {
        watch.unsubscribe();
      } catch (RuntimeException e) {
        // closing anyway
      }
    }
  }
}
