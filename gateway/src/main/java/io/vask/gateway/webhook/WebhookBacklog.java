package io.vask.gateway.webhook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every webhook request this node holds, waiting or in flight, bounded in (estimated heap) bytes:
 * past {@code maxBytes} the oldest waiting requests are evicted, so a dead receiver costs a fixed
 * amount of memory however long it stays down. Per target (receiver URL) at most {@code
 * maxInFlight} requests are out at once; the rest wait here with the time they are due, retries
 * included, instead of as futures inside the HTTP client or as timer tasks. Thread-safe; every
 * method is short and never calls out while holding the lock.
 */
public final class WebhookBacklog {
  private static final Comparator<Delivery> BY_AGE = Comparator.comparingLong(d -> d.seq);
  private static final Comparator<Delivery> BY_DUE =
      Comparator.<Delivery>comparingLong(d -> d.dueMillis).thenComparingLong(d -> d.seq);

  private final long maxBytes;
  private final int maxInFlight;
  private final TreeSet<Delivery> waitingByAge = new TreeSet<>(BY_AGE);
  private final Map<String, Target> targets = new HashMap<>();
  private long bytes;
  private long requests;
  private long seq;

  /** One receiver's waiting requests by due time, and how many of its requests are out. */
  private static final class Target {
    final TreeSet<Delivery> waiting = new TreeSet<>(BY_DUE);
    int inFlight;
  }

  public WebhookBacklog(long maxBytes, int maxInFlight) {
    this.maxBytes = maxBytes;
    this.maxInFlight = maxInFlight;
  }

  synchronized long nextSeq() {
    return seq++;
  }

  /**
   * Adds a new request; returns the requests evicted to stay within the bound, oldest first (the
   * new one itself when nothing older is waiting). The caller completes and counts them.
   */
  synchronized List<Delivery> add(Delivery delivery) {
    targets.computeIfAbsent(delivery.target, t -> new Target()).waiting.add(delivery);
    waitingByAge.add(delivery);
    bytes += delivery.bytes;
    requests++;
    List<Delivery> evicted = new ArrayList<>();
    while (bytes > maxBytes && !waitingByAge.isEmpty()) {
      Delivery oldest = waitingByAge.pollFirst();
      Target target = targets.get(oldest.target);
      target.waiting.remove(oldest);
      forget(oldest, target);
      evicted.add(oldest);
    }
    return evicted;
  }

  /** The next request of {@code target} due by {@code now}, now in flight; null if none may go. */
  synchronized Delivery take(String target, long now) {
    Target queue = targets.get(target);
    if (queue == null || queue.inFlight >= maxInFlight || queue.waiting.isEmpty()) {
      return null;
    }
    Delivery first = queue.waiting.first();
    if (first.dueMillis > now) {
      return null;
    }
    queue.waiting.pollFirst();
    waitingByAge.remove(first);
    queue.inFlight++;
    return first;
  }

  /**
   * When the next request of {@code target} is due, if one waits and a slot is free for it;
   * otherwise -1 (a finishing request wakes the target instead).
   */
  synchronized long nextDue(String target) {
    Target queue = targets.get(target);
    if (queue == null || queue.inFlight >= maxInFlight || queue.waiting.isEmpty()) {
      return -1;
    }
    return queue.waiting.first().dueMillis;
  }

  /** An in-flight request goes back to wait until {@code dueMillis}. */
  synchronized void retryAt(Delivery delivery, long dueMillis) {
    Target queue = targets.get(delivery.target);
    queue.inFlight--;
    delivery.dueMillis = dueMillis;
    queue.waiting.add(delivery);
    waitingByAge.add(delivery);
  }

  /** An in-flight request is done with (sent or given up). */
  synchronized void finish(Delivery delivery) {
    Target queue = targets.get(delivery.target);
    queue.inFlight--;
    forget(delivery, queue);
  }

  private void forget(Delivery delivery, Target queue) {
    bytes -= delivery.bytes;
    requests--;
    if (queue.inFlight == 0 && queue.waiting.isEmpty()) {
      targets.remove(delivery.target);
    }
  }

  /** Estimated heap held by waiting and in-flight requests. */
  public synchronized long bytes() {
    return bytes;
  }

  /** Requests waiting or in flight. */
  public synchronized long requests() {
    return requests;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
