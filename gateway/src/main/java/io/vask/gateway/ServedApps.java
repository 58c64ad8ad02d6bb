package io.vask.gateway;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.AppScope;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cluster's {@link AppScope} equal to the apps file: served at start (failing the start
 * if an app's state cannot load), then checked every second, so apps added or removed by a reload
 * are taken up or let go on the cluster too.
 */
final class ServedApps {
  private static final Logger LOG = LoggerFactory.getLogger(ServedApps.class);
  static final long CHECK_MILLIS = 1000;

  private ServedApps() {}

  static void follow(AppRegistry apps, AppScope scope, ScheduledExecutorService timer) {
    scope.serve(ids(apps));
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            scope.serve(ids(apps));
          } catch (RuntimeException e) {
            LOG.warn("apps not taken up on the cluster yet, trying again: {}", e.getMessage());
          }
        },
        CHECK_MILLIS,
        CHECK_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  private static Set<String> ids(AppRegistry apps) {
    return apps.all().stream().map(AppSettings::id).collect(Collectors.toUnmodifiableSet());
  }
}
