package io.vask.gateway.cluster.nats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Edits of one key asked for at the same time by several threads, written in one compare-and-set by
 * whichever of them holds the key's lock (flat combining): the others find their edit done when
 * they get the lock. A roster is read and written whole, so during a burst of joins this turns one
 * read-modify-write per join into one per batch, and a node's lanes stop conflicting with each
 * other on the same key. Each caller still returns only after its edit is written (or failed).
 *
 * @param <T> the key's decoded value, which edits change in place
 */
final class EditBatches<T> {
  /** One change: edits {@code value} in place, returns whether it changed it; sets its answer. */
  @FunctionalInterface
  interface Edit<T> {
    boolean apply(T value, boolean[] answer);
  }

  /**
   * Writes {@code change} to the key by compare-and-set: applies it to the current value (again
   * after every conflict) and writes the result when it returns true.
   */
  @FunctionalInterface
  interface Writer<T> {
    void write(String key, Predicate<T> change) throws Exception;
  }

  private final Writer<T> writer;
  private final Map<String, Batch<T>> batches = new ConcurrentHashMap<>();

  EditBatches(Writer<T> writer) {
    this.writer = writer;
  }

  /** Applies {@code edit} to the key with whatever else is waiting; returns the edit's answer. */
  boolean submit(String key, Edit<T> edit) throws Exception {
    Pending<T> mine = new Pending<>(edit);
    Batch<T> batch = batches.computeIfAbsent(key, k -> new Batch<>());
    batch.waiting.add(mine);
    batch.lock.lock();
    try {
      if (!mine.done) {
        writeWaiting(key, batch);
      }
      if (batch.waiting.isEmpty()) {
        batches.remove(key, batch); // a caller still holding it combines for itself
      }
    } finally {
      batch.lock.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
    return mine.answer[0];
  }

  /** Keys with a batch in use (for tests: nothing is kept once the burst is over). */
  int keysInUse() {
    return batches.size();
  }

  private void writeWaiting(String key, Batch<T> batch) {
    List<Pending<T>> edits = new ArrayList<>();
    for (Pending<T> next; (next = batch.waiting.poll()) != null; ) {
      edits.add(next);
    }
    try {
      writer.write(
          key,
          value -> {
            boolean changed = false;
            for (Pending<T> p : edits) {
              changed |= p.edit.apply(value, p.answer);
            }
            return changed;
          });
    } catch (Exception e) {
      edits.forEach(p -> p.failure = e);
    }
    edits.forEach(p -> p.done = true);
  }

  /** The edits waiting for one key and the lock of the thread that writes them. */
  private static final class Batch<T> {
    final Queue<Pending<T>> waiting = new ConcurrentLinkedQueue<>();
    final ReentrantLock lock = new ReentrantLock();
  }

  /** An edit and its outcome; written by the combining thread before it unlocks. */
  private static final class Pending<T> {
    final Edit<T> edit;
    final boolean[] answer = new boolean[1];
    boolean done;
    Exception failure;

    Pending(Edit<T> edit) {
      this.edit = edit;
    }
  }
}
