package io.vask.gateway.server;

import io.vask.gateway.protocol.PusherError;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful shutdown (ARCHITECTURE.md §3): readiness goes false and new sockets are refused with
 * 4200, then open sockets are closed with 4200 in shuffled batches spread over the drain window, so
 * clients reconnect to other pods without a stampede. Blocks the calling (shutdown) thread.
 */
final class Drain {
  private static final Logger LOG = LoggerFactory.getLogger(Drain.class);
  private static final int BATCHES = 20;
  private final Readiness readiness;
  private final ConnectionTracker connections;

  Drain(Readiness readiness, ConnectionTracker connections) {
    this.readiness = readiness;
    this.connections = connections;
  }

  void run(int seconds) {
    readiness.startDraining();
    List<Connection> open = connections.snapshot();
    Collections.shuffle(open, ThreadLocalRandom.current());
    LOG.info("draining {} connection(s) over {} s", open.size(), seconds);
    int batchSize = Math.max(1, (open.size() + BATCHES - 1) / BATCHES);
    long pauseMillis =
        open.isEmpty()
            ? 0
            : seconds * 1000L / Math.max(1, (open.size() + batchSize - 1) / batchSize);
    for (int from = 0; from < open.size(); from += batchSize) {
      for (Connection connection : open.subList(from, Math.min(open.size(), from + batchSize))) {
        connection.executor().execute(() -> connection.close(PusherError.RECONNECT));
      }
      sleep(pauseMillis / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, pauseMillis)));
    }
    long deadline = System.currentTimeMillis() + 2000;
    while (connections.size() > 0 && System.currentTimeMillis() < deadline) {
      sleep(20);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
