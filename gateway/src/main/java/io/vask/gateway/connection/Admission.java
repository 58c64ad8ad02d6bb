package io.vask.gateway.connection;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.channel.Session;
import io.vask.gateway.channel.Transport;
import io.vask.gateway.cluster.ConnectionQuota;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.limit.AllowedOrigins;
import io.vask.gateway.limit.ConnectionLimits;
import io.vask.gateway.limit.LimitReason;
import io.vask.gateway.limit.Refusals;
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
 * (4001), enabled (4003), a node that is not draining (4200), an allowed {@code Origin} (4009), a
 * protocol version from 4 to 7 (4006/4007), a place in this pod's connection limits (4100: the pod
 * full, too many connections or new connections from the client's address), then a place in the
 * app's cluster-wide connection quota (4004; 4100 when the cluster cannot say). The transport calls
 * it once the WebSocket handshake is done, so every refusal reaches the client as a Pusher close
 * code; refusals by a limit are counted by reason.
 */
public final class Admission {
  static final int MIN_PROTOCOL = 4;
  static final int MAX_PROTOCOL = 7;
  private final AppRegistry apps;
  private final ConnectionQuota quota;
  private final SocketIds socketIds;
  private final BooleanSupplier draining;
  private final Users users;
  private final ConnectionLimits limits;
  private final Refusals refusals;
  private final DebugStream debug;

  public Admission(
      AppRegistry apps,
      ConnectionQuota quota,
      SocketIds socketIds,
      BooleanSupplier draining,
      Users users,
      ConnectionLimits limits,
      Refusals refusals,
      DebugStream debug) {
    this.debug = debug;
    this.apps = apps;
    this.quota = quota;
    this.socketIds = socketIds;
    this.draining = draining;
    this.users = users;
    this.limits = limits;
    this.refusals = refusals;
  }

  /** A socket without an {@code Origin} header from an unknown address. */
  public CompletionStage<Verdict> admit(String path, String protocol, Transport transport) {
    return admit(new Arrival(path, protocol, null, ""), transport);
  }

  /**
   * Decides about a socket that asked for {@code path} with the {@code protocol} query parameter
   * (null when absent). A refused socket is closed here; the stage completes on the transport's
   * loop.
   */
  public CompletionStage<Verdict> admit(Arrival arrival, Transport transport) {
    String key = appKey(arrival.path());
    Optional<AppSettings> app = key == null ? Optional.empty() : apps.byKey(key);
    Optional<PusherError.Message> refusal = check(key, app, arrival);
    if (refusal.isEmpty()) {
      refusal = takePlace(arrival.clientAddress());
    }
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
                    settings,
                    new Session(
                        socketIds.next(),
                        settings.id(),
                        transport,
                        arrival.clientAddress(),
                        debug));
              }
              limits.closed(arrival.clientAddress());
              return refuse(
                  transport,
                  (admitted != null ? PusherError.OVER_QUOTA : PusherError.OVER_CAPACITY).with());
            },
            transport.executor());
  }

  /** A place in this pod's limits for a connection from {@code address}, or the refusal. */
  private Optional<PusherError.Message> takePlace(String address) {
    Optional<LimitReason> refused = limits.open(address);
    if (refused.isEmpty()) {
      return Optional.empty();
    }
    refusals.count(refused.get());
    return Optional.of(
        switch (refused.get()) {
          case IP_CONNECTIONS -> PusherError.ADDRESS_OVER_CAPACITY.with();
          case IP_NEW_CONNECTIONS -> PusherError.ADDRESS_TOO_FAST.with();
          default -> PusherError.OVER_CAPACITY.with();
        });
  }

  /** The admitted socket is ready: tell the client its socket id and start its auth timer. */
  public void welcome(Verdict.Admitted admitted) {
    Session session = admitted.session();
    session.send(
        Frames.connectionEstablished(
            session.socketId(), admitted.app().timings().activityTimeoutSeconds()));
    users.connected(session);
    debug.connectionOpened(
        session.appId(), session.socketId(), session.transport().remoteAddress());
  }

  /** The admitted socket closed before {@link #welcome}: give its places back. */
  public void withdraw(Verdict.Admitted admitted) {
    limits.closed(admitted.session().clientAddress());
    quota.connectionClosed(admitted.app().id());
  }

  private Optional<PusherError.Message> check(
      String key, Optional<AppSettings> app, Arrival arrival) {
    if (key == null) {
      return Optional.of(PusherError.PATH_NOT_FOUND.with());
    } else if (app.isEmpty()) {
      return Optional.of(PusherError.APP_NOT_FOUND.with(key));
    } else if (!app.get().enabled()) {
      return Optional.of(PusherError.APP_DISABLED.with());
    } else if (draining.getAsBoolean()) {
      return Optional.of(PusherError.RECONNECT.with());
    } else if (!AllowedOrigins.allows(app.get().limits().allowedOrigins(), arrival.origin())) {
      refusals.count(LimitReason.ORIGIN);
      return Optional.of(PusherError.ORIGIN_NOT_ALLOWED.with(arrival.origin()));
    }
    return checkProtocol(arrival.protocol());
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
