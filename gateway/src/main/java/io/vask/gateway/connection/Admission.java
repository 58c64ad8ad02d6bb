package io.vask.gateway.connection;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.channel.Session;
import io.vask.gateway.channel.Transport;
import io.vask.gateway.cluster.ConnectionQuota;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PusherError;
import io.vask.gateway.protocol.SocketIds;
import io.vask.gateway.user.Users;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;

/**
 * Who may connect (PROTOCOL.md §1.1), in this order: a {@code /app/{key}} path (4005), a known app
 * (4001), enabled (4003), a node that is not draining (4200), a protocol version from 4 to 7
 * (4006/4007), then a place in the app's cluster-wide connection quota (4004; 4100 when the cluster
 * cannot say). The transport calls it once the WebSocket handshake is done, so every refusal
 * reaches the client as a Pusher close code.
 */
public final class Admission {
  static final int MIN_PROTOCOL = 4;
  static final int MAX_PROTOCOL = 7;
  private final AppRegistry apps;
  private final ConnectionQuota quota;
  private final SocketIds socketIds;
  private final BooleanSupplier draining;
  private final Users users;

  public Admission(
      AppRegistry apps,
      ConnectionQuota quota,
      SocketIds socketIds,
      BooleanSupplier draining,
      Users users) {
    this.apps = apps;
    this.quota = quota;
    this.socketIds = socketIds;
    this.draining = draining;
    this.users = users;
  }

  /**
   * Decides about a socket that asked for {@code path} with the {@code protocol} query parameter
   * (null when absent). A refused socket is closed here; the stage completes on the transport's
   * loop.
   */
  public CompletionStage<Verdict> admit(String path, String protocol, Transport transport) {
    String key = appKey(path);
    Optional<AppSettings> app = key == null ? Optional.empty() : apps.byKey(key);
    Optional<PusherError.Message> refusal = check(key, app, protocol);
    if (refusal.isPresent()) {
      return CompletableFuture.completedFuture(refuse(transport, refusal.get()));
    }
    AppSettings settings = app.get();
    return quota
        .connectionOpened(settings.id(), settings.limits().maxConnections())
        .handleAsync(
            (admitted, error) -> {
              if (Boolean.TRUE.equals(admitted)) {
                return new Verdict.Admitted(
                    settings, new Session(socketIds.next(), settings.id(), transport));
              }
              return refuse(
                  transport,
                  (admitted != null ? PusherError.OVER_QUOTA : PusherError.OVER_CAPACITY).with());
            },
            transport.executor());
  }

  /** The admitted socket is ready: tell the client its socket id and start its auth timer. */
  public void welcome(Verdict.Admitted admitted) {
    Session session = admitted.session();
    session.send(
        Frames.connectionEstablished(
            session.socketId(), admitted.app().timings().activityTimeoutSeconds()));
    users.connected(session);
  }

  /** The admitted socket closed before {@link #welcome}: give its quota place back. */
  public void withdraw(Verdict.Admitted admitted) {
    quota.connectionClosed(admitted.app().id());
  }

  private Optional<PusherError.Message> check(
      String key, Optional<AppSettings> app, String protocol) {
    if (key == null) {
      return Optional.of(PusherError.PATH_NOT_FOUND.with());
    } else if (app.isEmpty()) {
      return Optional.of(PusherError.APP_NOT_FOUND.with(key));
    } else if (!app.get().enabled()) {
      return Optional.of(PusherError.APP_DISABLED.with());
    } else if (draining.getAsBoolean()) {
      return Optional.of(PusherError.RECONNECT.with());
    }
    return checkProtocol(protocol);
  }

  private static Verdict refuse(Transport transport, PusherError.Message error) {
    transport.close(error);
    return new Verdict.Refused(error);
  }

  /** The key of {@code /app/{key}}, or null for any other path. */
  private static String appKey(String path) {
    if (!path.startsWith("/app/")) {
      return null;
    }
    String key = path.substring("/app/".length());
    if (key.endsWith("/")) {
      key = key.substring(0, key.length() - 1);
    }
    return key.isEmpty() || key.contains("/") ? null : key;
  }

  private static Optional<PusherError.Message> checkProtocol(String value) {
    if (value == null) {
      return Optional.empty();
    }
    int version;
    try {
      version = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return Optional.of(PusherError.INVALID_VERSION.with());
    }
    return version < MIN_PROTOCOL || version > MAX_PROTOCOL
        ? Optional.of(PusherError.UNSUPPORTED_VERSION.with())
        : Optional.empty();
  }
}
