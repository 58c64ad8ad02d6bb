package io.vask.gateway.cluster;

import java.util.Map;
import java.util.Set;

/**
 * The apps this node serves on the cluster. A node hears, mirrors and consumes only what belongs to
 * them (control messages, membership keys, webhook events), so apps sharing one NATS never see or
 * take each other's state; and an app id another fleet already uses there with another key is
 * refused, not merged. The gateway calls {@link #serve} at start and whenever its apps change.
 */
@FunctionalInterface
public interface AppScope {

  /** A single node holds only its own apps' state: nothing to scope, nobody to collide with. */
  AppScope EVERY_APP = keysById -> Set.of();

  /**
   * Serves exactly the apps of {@code keysById} (app id → app key) from now on: takes up the ones
   * not served yet and lets go of the ones no longer listed. Idempotent. Returns the ids refused
   * because another fleet owns them on this cluster with another key (tried again on each call).
   * Throws if an app's state cannot be loaded (NATS away); the apps taken up until then stay
   * served, and a later call tries the rest again.
   */
  Set<String> serve(Map<String, String> keysById);
}
