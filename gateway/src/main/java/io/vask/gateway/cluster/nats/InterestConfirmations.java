package io.vask.gateway.cluster.nats;

import io.nats.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms that subscriptions sent to NATS took effect: a flush (PING/PONG) after a SUB returns
 * only once the server processed the SUB, and from then on it routes every publication of the
 * subject to this node. One flush confirms every SUB sent before it, so concurrent first
 * subscriptions share a round trip; it runs on its own thread, never on an event loop or a NATS
 * dispatcher.
 */
final class InterestConfirmations implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InterestConfirmations.class);
  private final Connection connection;
  private final Duration timeout;
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "vask-nats-interest");
            t.setDaemon(true);
            return t;
          });

  InterestConfirmations(Connection connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
  }

  /** Completes once the server processed everything this connection sent before the call. */
  CompletableFuture<Void> afterSent() {
    CompletableFuture<Void> confirmed = new CompletableFuture<>();
    synchronized (pending) {
      pending.add(confirmed);
    }
    try {
      thread.execute(this::flushPending);
    } catch (RuntimeException closed) {
      confirmed.complete(null);
    }
    return confirmed;
  }

  private void flushPending() {
    List<CompletableFuture<Void>> batch;
    synchronized (pending) {
      if (pending.isEmpty()) {
        return; // an earlier flush took them
      }
      batch = new ArrayList<>(pending);
      pending.clear();
    }
    if (connection.getStatus() == Connection.Status.CONNECTED) {
      try {
        connection.flush(timeout);
      } catch (Exception e) {
        // NATS is away: local delivery still works, jnats re-subscribes when it is back
        LOG.debug("interest not confirmed: {}", e.toString());
      }
    }
    batch.forEach(f -> f.complete(null));
  }

  @Override
  public void close() {
    thread.shutdownNow();
    synchronized (pending) {
      pending.forEach(f -> f.complete(null));
      pending.clear();
    }
  }
}
