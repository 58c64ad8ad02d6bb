package io.vask.operator.reconcile;

import io.vask.operator.model.VaskApp;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Two fleets on one NATS with the same app id would share (and corrupt) each other's cluster state,
 * so the gateways refuse the second one; the operator says so first. A VaskApp holds an id when its
 * status names it and it is not blocked for a conflict itself. A VaskApp is in conflict when
 * another one on the same NATS (URL and sign-in identity) holds its id and this one does not (or
 * both do, and the other was created first): an app already serving its id is never displaced by a
 * newcomer.
 */
final class AppIdConflicts {
  private static final Comparator<VaskApp> CREATION =
      Comparator.comparing((VaskApp a) -> a.getMetadata().getCreationTimestamp())
          .thenComparing(a -> a.getMetadata().getUid());

  private AppIdConflicts() {}

  private static boolean holds(VaskApp app, String appId) {
    return app.getStatus() != null
        && appId.equals(app.getStatus().appId)
        && app.getStatus()
            .condition("Ready")
            .filter(c -> Problem.APP_ID_CONFLICT.equals(c.getReason()))
            .isEmpty();
  }

  /**
   * The problem for {@code app} planned with {@code appId} on {@code natsUrl} (URL and sign-in
   * identity), if any of {@code others} (every VaskApp the operator sees; {@code natsUrlOf} gives
   * each one's) holds the id there already.
   */
  static Optional<Problem> find(
      VaskApp app,
      String appId,
      Optional<String> natsUrl,
      Stream<VaskApp> others,
      Function<VaskApp, Optional<String>> natsUrlOf) {
    if (natsUrl.isEmpty()) {
      return Optional.empty(); // a single node shares nothing
    }
    return others
        .filter(other -> !Objects.equals(other.getMetadata().getUid(), app.getMetadata().getUid()))
        .filter(other -> holds(other, appId))
        .filter(other -> natsUrl.equals(natsUrlOf.apply(other)))
        .filter(other -> !holds(app, appId) || CREATION.compare(other, app) < 0)
        .findFirst()
        .map(owner -> Problem.appIdConflict(appId, owner));
  }
}
