package io.vask.gateway.cluster.nats;

import io.vask.gateway.cluster.AppScope;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the apps a node serves on NATS. An app is taken up only once its id is this fleet's
 * ({@link AppOwnership}); then, per app, the membership mirror's watch ({@code *.<app>.>}), the
 * control subject ({@code vask.<app>.ctl}) and the webhook consumer ({@code vask-webhooks-<app>}).
 * Nothing of an app outside the set reaches or is taken by this node.
 */
final class NatsAppScope implements AppScope {
  private static final Logger LOG = LoggerFactory.getLogger(NatsAppScope.class);
  static final long RENEW_MILLIS = 60_000;

  private final AppOwnership ownership;
  private final KvMirror mirror;
  private final NatsClusterBus bus;
  private final NatsWebhookOutbox outbox;
  private final Map<String, String> served = new TreeMap<>(); // id → key
  private final Set<String> refused = new TreeSet<>();
  private long renewedAt = System.currentTimeMillis();

  NatsAppScope(
      AppOwnership ownership, KvMirror mirror, NatsClusterBus bus, NatsWebhookOutbox outbox) {
    this.ownership = ownership;
    this.mirror = mirror;
    this.bus = bus;
    this.outbox = outbox;
  }

  @Override
  public synchronized Set<String> serve(Map<String, String> keysById) {
    for (String gone : Set.copyOf(served.keySet())) {
      if (!keysById.containsKey(gone)) {
        letGo(gone);
      }
    }
    refused.retainAll(keysById.keySet());
    renewIfDue(keysById);
    for (Map.Entry<String, String> app : new TreeMap<>(keysById).entrySet()) {
      if (!served.containsKey(app.getKey())) {
        takeUpIfOurs(app.getKey(), app.getValue());
      }
    }
    return Set.copyOf(refused);
  }

  private void takeUpIfOurs(String app, String key) {
    try {
      if (!ownership.claim(app, key)) {
        if (refused.add(app)) {
          LOG.error(
              "app {} refused: another fleet uses this app id on this NATS with another key;"
                  + " not serving it (give one of the apps another id)",
              app);
        }
        return;
      }
      mirror.watch(app); // the mirror first: control messages and webhooks act on the app's state
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while taking up app " + app, e);
    } catch (Exception e) {
      throw new IllegalStateException("app " + app + " not taken up: " + e, e);
    }
    if (refused.remove(app)) {
      LOG.info("app {} is free on this NATS again: serving it", app);
    }
    bus.serve(app);
    outbox.serve(app);
    served.put(app, key);
    LOG.info("app {} served by this node on the cluster", app);
  }

  private void letGo(String app) {
    outbox.stopServing(app);
    bus.stopServing(app);
    mirror.unwatch(app);
    served.remove(app);
    LOG.info("app {} no longer served by this node on the cluster", app);
  }

  /** Keeps this fleet's ownership entries alive, following a rotated key. */
  private void renewIfDue(Map<String, String> keysById) {
    boolean rotated =
        served.entrySet().stream().anyMatch(e -> !e.getValue().equals(keysById.get(e.getKey())));
    if (!rotated && System.currentTimeMillis() - renewedAt < RENEW_MILLIS) {
      return;
    }
    renewedAt = System.currentTimeMillis();
    for (Map.Entry<String, String> app : served.entrySet()) {
      String now = keysById.get(app.getKey());
      try {
        ownership.renew(app.getKey(), app.getValue(), now);
        app.setValue(now);
      } catch (Exception e) {
        LOG.debug("ownership of app {} not renewed: {}", app.getKey(), e.toString());
      }
    }
  }
}
