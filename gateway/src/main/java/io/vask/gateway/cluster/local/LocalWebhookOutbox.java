package io.vask.gateway.cluster.local;

import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.cluster.WebhookOutbox;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory outbox: events go to the deliverer at once, on the enqueuing thread (often an event
 * loop), so the deliverer must only start asynchronous work, as {@code WebhookSender} does; ids in
 * flight are remembered so a duplicate enqueue is dropped. Bounded: past {@code capacity} events in
 * flight, new ones are dropped and counted, never buffered without limit. Events enqueued before
 * {@link #start} wait.
 */
public final class LocalWebhookOutbox implements WebhookOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(LocalWebhookOutbox.class);

  private final int capacity;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicLong dropped = new AtomicLong();
  private final Queue<WebhookEvent> early = new ArrayDeque<>();
  private volatile Deliverer deliverer;

  public LocalWebhookOutbox(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public void enqueue(WebhookEvent event) {
    if (inFlight.size() >= capacity) {
      dropped.incrementAndGet();
      LOG.warn("webhook outbox full ({} events): dropping {}", capacity, event.type().wireName());
      return;
    }
    if (!inFlight.add(event.id())) {
      return;
    }
    Deliverer target = deliverer;
    if (target == null) {
      synchronized (early) {
        if (deliverer == null) {
          early.add(event);
          return;
        }
        target = deliverer;
      }
    }
    hand(target, event);
  }

  @Override
  public void start(Deliverer deliverer) {
    synchronized (early) {
      this.deliverer = deliverer;
      WebhookEvent event;
      while ((event = early.poll()) != null) {
        hand(deliverer, event);
      }
    }
  }

  private void hand(Deliverer target, WebhookEvent event) {
    String id = event.id(); // the event itself is garbage once the sender has its bytes
    try {
      target.deliver(event).whenComplete((ok, error) -> inFlight.remove(id));
    } catch (RuntimeException e) {
      inFlight.remove(id);
      LOG.error("webhook deliverer failed for {}", event.type().wireName(), e);
    }
  }

  @Override
  public long depth() {
    return inFlight.size();
  }

  /** Events dropped because the outbox was full. */
  @Override
  public long lost() {
    return dropped.get();
  }

  @Override
  public void close() {}
}
