package io.vask.gateway.connection;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.channel.Session;
import io.vask.gateway.limit.LimitReason;
import io.vask.gateway.limit.Refusals;
import io.vask.gateway.protocol.PusherError;
import java.util.Optional;

/**
 * Whether a live socket's app is still served: removed by a reload, the socket is closed with 4001;
 * disabled, with 4003. Checked before every client action and for every socket after a reload.
 */
final class AppStanding {
  private AppStanding() {}

  /** True when the app is served and enabled; otherwise closes the socket and returns false. */
  static boolean stillServed(AppRegistry apps, Session session, Refusals refusals) {
    Optional<AppSettings> app = apps.byId(session.appId());
    if (app.isPresent() && app.get().enabled()) {
      return true;
    }
    refusals.count(app.isEmpty() ? LimitReason.APP_REMOVED : LimitReason.APP_DISABLED);
    session.markClosed();
    session
        .transport()
        .close(app.isEmpty() ? PusherError.APP_REMOVED.with() : PusherError.APP_DISABLED.with());
    return false;
  }
}
