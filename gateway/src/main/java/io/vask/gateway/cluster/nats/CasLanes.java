package io.vask.gateway.cluster.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Compare-and-set on KV keys, off the caller's thread. jnats KV calls block, so they run on a few
 * single-threaded lanes; a key always uses the same lane, which keeps one node's changes to a key
 * in the order they were asked for.
 */
final class CasLanes {
  /** What one compare-and-set saw and left: {@code before}/{@code after} may be null (absent). */
  record Change(MembershipEntry before, MembershipEntry after, boolean written) {}

  /** Writes one lane may hold by default ({@code VASK_CLUSTER_MEMBERSHIP_QUEUE}). */
  static final int MAX_QUEUED_PER_LANE = 10_000;

  private final KeyValue bucket;
  private final KvMirror mirror;
  private final ExecutorService[] lanes;
  private final AtomicLong rejected = new AtomicLong();

  CasLanes(KeyValue bucket, KvMirror mirror, int count) {
    this(bucket, mirror, count, MAX_QUEUED_PER_LANE);
  }

  /**
   * {@code queuePerLane}: writes one lane may hold while NATS is down or slow; past it a write
   * fails at once (as one that timed out would) and is counted, instead of the queue growing for
   * the whole outage.
   */
  CasLanes(KeyValue bucket, KvMirror mirror, int count, int queuePerLane) {
    this.bucket = bucket;
    this.mirror = mirror;
    this.lanes = new ExecutorService[count];
    for (int i = 0; i < count; i++) {
      int lane = i;
      lanes[i] =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(queuePerLane),
              r -> {
                Thread t = new Thread(r, "vask-kv-" + lane);
                t.setDaemon(true);
                return t;
              });
    }
  }

  KeyValue bucket() {
    return bucket;
  }

  /** Runs {@code work} on the key's lane. */
  <T> CompletionStage<T> on(String key, Work<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      lanes[Math.floorMod(key.hashCode(), lanes.length)].execute(
          () -> {
            try {
              result.complete(work.run());
            } catch (Exception e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException full) {
      rejected.incrementAndGet();
      result.completeExceptionally(full);
    }
    return result;
  }

  /** Writes waiting on all lanes (for metrics). */
  int queued() {
    int queued = 0;
    for (ExecutorService lane : lanes) {
      queued += ((ThreadPoolExecutor) lane).getQueue().size();
    }
    return queued;
  }

  /** Writes refused because their lane was full. */
  long rejected() {
    return rejected.get();
  }

  @FunctionalInterface
  interface Work<T> {
    T run() throws Exception;
  }

  /**
   * Replaces the key's entry with {@code change.apply(current)} (null deletes), retrying when
   * another node wrote in between. The first attempt takes the current value from the mirror: when
   * the mirror is current (the common case) the write needs no read first; when it lags, the
   * write's revision check fails and the next attempt reads the bucket. A decision not to write is
   * never taken on the mirror's word. Call on the key's lane.
   */
  Change mutate(String key, UnaryOperator<MembershipEntry> change) throws Exception {
    for (int attempt = 0; ; attempt++) {
      boolean guessed = attempt == 0;
      Versioned current;
      try {
        current = mirror.current(key, attempt);
      } catch (java.io.IOException slow) {
        // a timeout (a busy or reconnecting server): the read changed nothing, so try again
        if (attempt >= 6) {
          throw slow;
        }
        Thread.sleep(200L * attempt);
        continue;
      }
      MembershipEntry before = current == null ? null : current.entry();
      MembershipEntry after = change.apply(before);
      if (java.util.Objects.equals(before, after)) {
        if (guessed) {
          continue;
        }
        return new Change(before, after, false);
      }
      try {
        if (after == null) {
          bucket.delete(key, current.revision());
        } else if (current == null) {
          bucket.create(key, after.toBytes());
        } else {
          bucket.update(key, after.toBytes(), current.revision());
        }
        return new Change(before, after, true);
      } catch (JetStreamApiException e) {
        if (attempt >= 21) {
          throw e;
        }
        // another node changed the key since our read (or the mirror lagged): read again
      }
    }
  }

  /** Lets queued changes (a drain's leaves) reach the bucket for a moment, then stops. */
  void close() {
    for (ExecutorService lane : lanes) {
      lane.shutdown();
    }
    try {
      for (ExecutorService lane : lanes) {
        lane.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ExecutorService lane : lanes) {
      lane.shutdownNow();
    }
  }
}
