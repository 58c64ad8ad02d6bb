package io.vask.gateway;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.AppScope;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The apps this gateway serves: those of the apps file the cluster did not refuse (an app id
 * another fleet owns on the same NATS with another key). A refused app is unknown to every use case
 * — sockets get 4001, the HTTP API 404. Keeps the cluster's {@link AppScope} equal to the apps
 * file: at start (failing the start if an app's state cannot load), then every second, so apps
 * added or removed by a reload are taken up or let go on the cluster too.
 */
final class ServedApps implements AppRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ServedApps.class);
  static final long CHECK_MILLIS = 1000;
  static final String ID_CONFLICT = "app_id_owned_by_another_fleet";

  private final AppRegistry file;
  private final AppScope scope;
  private final Runnable refusal;
  private volatile Set<String> refused = Set.of();

  private ServedApps(AppRegistry file, AppScope scope, Runnable refusal) {
    this.file = file;
    this.scope = scope;
    this.refusal = refusal;
  }

  /**
   * Serves {@code file}'s apps on {@code scope} now, and follows the file every second; {@code
   * refusal} counts each app newly refused.
   */
  static ServedApps follow(
      AppRegistry file, AppScope scope, Runnable refusal, ScheduledExecutorService timer) {
    ServedApps served = new ServedApps(file, scope, refusal);
    served.serve();
    timer.scheduleWithFixedDelay(
        served::serveQuietly, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    return served;
  }

  private void serve() {
    Map<String, String> keysById =
        file.all().stream().collect(Collectors.toMap(AppSettings::id, AppSettings::key));
    Set<String> now = scope.serve(keysById);
    now.stream().filter(id -> !refused.contains(id)).forEach(id -> refusal.run());
    refused = Set.copyOf(now);
  }

  private void serveQuietly() {
    try {
      serve();
    } catch (RuntimeException e) {
      LOG.warn("apps not taken up on the cluster yet, trying again: {}", e.getMessage());
    }
  }

  @Override
  public Optional<AppSettings> byKey(String key) {
    return file.byKey(key).filter(this::served);
  }

  @Override
  public Optional<AppSettings> byId(String id) {
    return file.byId(id).filter(this::served);
  }

  @Override
  public Collection<AppSettings> all() {
    return file.all().stream().filter(this::served).toList();
  }

  private boolean served(AppSettings app) {
    return !refused.contains(app.id());
  }

  @Override
  public void onChange(Runnable listener) {
    file.onChange(listener);
  }

  @Override
  public void close() {
    file.close();
  }
}
