package io.vask.gateway.cluster;

import java.util.concurrent.CompletionStage;

/**
 * Where decided webhook events wait for delivery. In memory on a single node; a JetStream work
 * queue in a cluster, so a pod restart or a receiver outage loses nothing and each event is handled
 * by one pod.
 */
public interface WebhookOutbox extends AutoCloseable {

  /** Stores the event for delivery; enqueueing the same id twice delivers it once. */
  void enqueue(WebhookEvent event);

  /**
   * Starts handing queued events to {@code deliverer} (on the outbox's threads). An event leaves
   * the outbox when the returned stage completes (delivered, or given up after the retry span);
   * after a crash it is handed out again, so delivery is at least once.
   */
  void start(Deliverer deliverer);

  /** Delivers one event; the stage completes when the event is done with. */
  @FunctionalInterface
  interface Deliverer {
    CompletionStage<Void> deliver(WebhookEvent event);
  }

  /** Events waiting for delivery (for metrics). */
  long depth();

  /** Events the outbox could not keep: full, unreadable, or not yet stored at shutdown. */
  long lost();

  /**
   * Events of this node a shared store discarded by its own limits before any node took them (0
   * where nothing is shared).
   */
  default long discardedByStream() {
    return 0;
  }

  @Override
  void close();
}
