package io.vask.gateway.cluster.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of this node's NATS connection as the cluster parts need it: up or not, since when, and
 * a hook for each reconnect (memberships are re-asserted then).
 */
final class Link implements ConnectionListener {
  private final List<Runnable> onReconnect = new CopyOnWriteArrayList<>();
  private static final Logger LOG = LoggerFactory.getLogger(Link.class);
  private volatile long upSince = System.currentTimeMillis();
  private volatile long downSince;
  private volatile boolean up = true;

  @Override
  public void connectionEvent(Connection connection, Events event) {
    if (event == Events.CONNECTED || event == Events.RECONNECTED || event == Events.RESUBSCRIBED) {
      if (!up) {
        LOG.info(
            "NATS connection back after {} ms: cluster state is being re-asserted",
            System.currentTimeMillis() - downSince);
        upSince = System.currentTimeMillis();
        up = true;
        onReconnect.forEach(Runnable::run);
      }
    } else if (event == Events.DISCONNECTED || event == Events.CLOSED) {
      if (up) {
        downSince = System.currentTimeMillis();
        LOG.warn(
            "NATS connection lost ({}): degraded, serving this node's sockets only; still ready",
            event);
      }
      up = false;
    }
  }

  boolean up() {
    return up;
  }

  /** True once the link has been up for {@code millis} without a break. */
  boolean upFor(long millis) {
    return up && System.currentTimeMillis() - upSince >= millis;
  }

  void onReconnect(Runnable action) {
    onReconnect.add(action);
  }
}
