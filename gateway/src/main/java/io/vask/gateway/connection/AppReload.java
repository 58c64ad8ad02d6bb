package io.vask.gateway.connection;

import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.channel.Session;
import io.vask.gateway.limit.Refusals;
import java.util.Collection;

/**
 * After the apps changed, every live socket of a removed app is closed with 4001 and of a disabled
 * app with 4003; the rest keep going untouched. Each check runs on its socket's loop.
 */
public final class AppReload {
  private final AppRegistry apps;
  private final Refusals refusals;

  public AppReload(AppRegistry apps, Refusals refusals) {
    this.apps = apps;
    this.refusals = refusals;
  }

  public void reloaded(Collection<Session> sessions) {
    for (Session session : sessions) {
      session
          .transport()
          .executor()
          .execute(
              () -> {
                if (session.isOpen()) {
                  AppStanding.stillServed(apps, session, refusals);
                }
              });
    }
  }
}
