package io.vask.gateway.cluster.nats;

import io.vask.gateway.cluster.AppScope;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the apps a node serves on NATS: per app, the membership mirror's watch ({@code
 * *.<app>.>}), the control subject ({@code vask.<app>.ctl}) and the webhook consumer ({@code
 * vask-webhooks-<app>}). Nothing of an app outside the set reaches or is taken by this node.
 */
final class NatsAppScope implements AppScope {
  private static final Logger LOG = LoggerFactory.getLogger(NatsAppScope.class);

  private final KvMirror mirror;
  private final NatsClusterBus bus;
  private final NatsWebhookOutbox outbox;
  private final Set<String> served = new TreeSet<>();

  NatsAppScope(KvMirror mirror, NatsClusterBus bus, NatsWebhookOutbox outbox) {
    this.mirror = mirror;
    this.bus = bus;
    this.outbox = outbox;
  }

  @Override
  public synchronized void serve(Set<String> appIds) {
    for (String gone : Set.copyOf(served)) {
      if (!appIds.contains(gone)) {
        outbox.stopServing(gone);
        bus.stopServing(gone);
        mirror.unwatch(gone);
        served.remove(gone);
        LOG.info("app {} no longer served by this node on the cluster", gone);
      }
    }
    for (String app : new TreeSet<>(appIds)) {
      if (!served.contains(app)) {
        takeUp(app);
        served.add(app);
        LOG.info("app {} served by this node on the cluster", app);
      }
    }
  }

  /** The mirror first: control messages and webhooks act on the app's state. */
  private void takeUp(String app) {
    try {
      mirror.watch(app);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading app " + app, e);
    } catch (Exception e) {
      throw new IllegalStateException("state of app " + app + " not loaded: " + e, e);
    }
    bus.serve(app);
    outbox.serve(app);
  }
}
