package io.vask.gateway.user;

import io.vask.contract.AppSettings;
import io.vask.contract.signing.Signatures;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.channel.ChannelRegistry;
import io.vask.gateway.channel.Fanout;
import io.vask.gateway.channel.Session;
import io.vask.gateway.channel.SignedInUser;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.ControlMessage;
import io.vask.gateway.cluster.OnlineUsers;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.ClientMessage;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PusherError;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sign-in (PROTOCOL.md §5.1), presence of signed-in users cluster-wide, terminate (§5.4) and the
 * authorized-connections timeout (§5.5). Session work runs on the session's loop.
 */
public final class Users {
  static final int MAX_WATCHLIST = 100;
  private final AppRegistry apps;
  private final ChannelRegistry registry;
  private final ClusterBus bus;
  private final OnlineUsers onlineUsers;
  private final Fanout fanout;
  private final Watchlists watchlists;
  private final ScheduledExecutorService timer;
  private final long authorizationTimeoutMillis;

  public Users(
      AppRegistry apps,
      ChannelRegistry registry,
      ClusterBus bus,
      OnlineUsers onlineUsers,
      Fanout fanout,
      ScheduledExecutorService timer,
      long authorizationTimeoutMillis) {
    this.apps = apps;
    this.registry = registry;
    this.bus = bus;
    this.onlineUsers = onlineUsers;
    this.fanout = fanout;
    this.watchlists = new Watchlists(onlineUsers);
    this.timer = timer;
    this.authorizationTimeoutMillis = authorizationTimeoutMillis;
  }

  /** A socket was established: start the authorized-connections timer when the app wants it. */
  public void connected(Session session) {
    boolean required =
        apps.byId(session.appId()).map(app -> app.features().userAuthentication()).orElse(false);
    if (!required) {
      return;
    }
    timer.schedule(
        () -> session.transport().executor().execute(() -> closeIfUnauthorized(session)),
        authorizationTimeoutMillis,
        TimeUnit.MILLISECONDS);
  }

  private void closeIfUnauthorized(Session session) {
    boolean authorized =
        session.user() != null
            || session.subscriptions().stream()
                .anyMatch(s -> s.active() && s.channel().type().needsAuth());
    if (session.isOpen() && !authorized) {
      session.transport().close(PusherError.UNAUTHORIZED_TIMEOUT);
    }
  }

  public void signIn(Session session, ClientMessage.Signin signin) {
    Optional<AppSettings> app = apps.byId(session.appId());
    if (app.isEmpty()) {
      return;
    }
    String userData = signin.userData();
    if (userData == null) {
      session.sendError(PusherError.SIGNIN_USER_DATA_MISSING);
      return;
    }
    String toSign = session.socketId() + "::user::" + userData;
    if (Signatures.checkAuth(signin.auth(), app.get().key(), app.get().secret(), toSign)
        != Signatures.AuthCheck.VALID) {
      session.sendError(PusherError.SIGNIN_BAD_SIGNATURE.with(toSign));
      return;
    }
    Optional<UserData> parsed = UserData.parse(userData);
    if (parsed.isEmpty()) {
      session.sendError(PusherError.SIGNIN_USER_DATA_INVALID);
      return;
    }
    UserData user = parsed.get();
    SignedInUser previous = session.user();
    if (previous != null && !previous.id().equals(user.id())) {
      session.sendError(PusherError.SIGNIN_OTHER_USER);
      return;
    }
    List<String> watchlist = user.watchlist();
    boolean overLimit = watchlist.size() > MAX_WATCHLIST;
    if (overLimit) {
      watchlist = watchlist.subList(0, MAX_WATCHLIST);
    }
    SignedInUser signedIn = new SignedInUser(user.id(), user.userInfoJson(), watchlist);
    session.signIn(signedIn);
    session.send(Frames.signinSuccess(userData));
    if (overLimit) {
      session.sendError(PusherError.WATCHLIST_LIMIT);
    }
    if (previous == null) {
      joinUserChannel(session, user.id());
    }
    if (app.get().features().watchlistEvents()) {
      watchlists.watch(session, previous, signedIn);
    }
  }

  private void joinUserChannel(Session session, String userId) {
    String appId = session.appId();
    String channel = ChannelName.USER_PREFIX + userId;
    if (registry.join(session, channel) == 1) {
      bus.addInterest(appId, channel); // sign-in needs no confirmation round trip
      onlineUsers
          .userSignedIn(appId, userId)
          .thenAccept(
              online -> {
                if (online) {
                  bus.broadcast(new ControlMessage.UserStatus(appId, userId, true));
                }
              });
    }
  }

  /** The session closed: sign its user out of this node. */
  public void disconnect(Session session) {
    SignedInUser user = session.user();
    if (user == null) {
      return;
    }
    watchlists.unwatch(session, user);
    String appId = session.appId();
    String channel = ChannelName.USER_PREFIX + user.id();
    if (registry.leave(session, channel) == 0) {
      bus.removeInterest(appId, channel);
      onlineUsers
          .userSignedOut(appId, user.id())
          .thenAccept(
              offline -> {
                if (offline) {
                  bus.broadcast(new ControlMessage.UserStatus(appId, user.id(), false));
                }
              });
    }
  }

  /** A control message from the bus (any thread). */
  public void onControl(ControlMessage message) {
    if (message instanceof ControlMessage.TerminateUser terminate) {
      fanout.forEachLocal(
          terminate.appId(),
          ChannelName.USER_PREFIX + terminate.userId(),
          session -> session.transport().close(PusherError.TERMINATED));
    } else if (message instanceof ControlMessage.UserStatus status) {
      watchlists.notify(status);
    }
  }
}
