package io.vask.gateway.cluster.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The state of this node's NATS connection as the cluster parts need it: up or not, since when, and
 * a hook for each reconnect (memberships are re-asserted then).
 */
final class Link implements ConnectionListener {
  private final List<Runnable> onReconnect = new CopyOnWriteArrayList<>();
  private volatile long upSince = System.currentTimeMillis();
  private volatile boolean up = true;

  @Override
  public void connectionEvent(Connection connection, Events event) {
    if (event == Events.CONNECTED || event == Events.RECONNECTED || event == Events.RESUBSCRIBED) {
      if (!up) {
        upSince = System.currentTimeMillis();
        up = true;
        onReconnect.forEach(Runnable::run);
      }
    } else if (event == Events.DISCONNECTED || event == Events.CLOSED) {
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
