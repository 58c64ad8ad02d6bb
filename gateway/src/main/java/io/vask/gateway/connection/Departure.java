package io.vask.gateway.connection;

import io.vask.gateway.channel.Session;
import io.vask.gateway.channel.Subscriptions;
import io.vask.gateway.cluster.ConnectionQuota;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.limit.ConnectionLimits;
import io.vask.gateway.user.Users;

/**
 * Everything a closed connection leaves behind, in order: its subscriptions (and presence
 * memberships) undone, its user signed out of this node, its place in the app's connection quota
 * and this pod's connection limits given back — the last even when an earlier step fails.
 */
public final class Departure {
  private final Subscriptions subscriptions;
  private final Users users;
  private final ConnectionQuota quota;
  private final ConnectionLimits limits;
  private final DebugStream debug;

  public Departure(
      Subscriptions subscriptions,
      Users users,
      ConnectionQuota quota,
      ConnectionLimits limits,
      DebugStream debug) {
    this.debug = debug;
    this.subscriptions = subscriptions;
    this.users = users;
    this.quota = quota;
    this.limits = limits;
  }

  /** The session's socket is gone; called once, on its loop. */
  public void leave(Session session) {
    session.markClosed();
    try {
      subscriptions.disconnect(session);
      users.disconnect(session);
    } finally {
      limits.closed(session.clientAddress());
      quota.connectionClosed(session.appId());
    }
    debug.connectionClosed(session.appId(), session.socketId(), session.transport().closeCode());
  }
}
