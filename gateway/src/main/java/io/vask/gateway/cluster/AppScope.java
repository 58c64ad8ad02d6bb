package io.vask.gateway.cluster;

import java.util.Set;

/**
 * The apps this node serves on the cluster. A node hears, mirrors and consumes only what belongs to
 * them (control messages, membership keys, webhook events), so apps sharing one NATS never see or
 * take each other's state. The gateway calls {@link #serve} at start and whenever its apps change.
 */
@FunctionalInterface
public interface AppScope {

  /** A single node holds only its own apps' state: nothing to scope. */
  AppScope EVERY_APP = appIds -> {};

  /**
   * Serves exactly {@code appIds} from now on: takes up the ones not served yet and lets go of the
   * ones no longer listed. Idempotent. Throws if an app's state cannot be loaded (NATS away); the
   * apps taken up until then stay served, and a later call tries the rest again.
   */
  void serve(Set<String> appIds);
}
