package io.vask.gateway.user;

import io.vask.gateway.channel.Session;
import io.vask.gateway.channel.SignedInUser;
import io.vask.gateway.cluster.ControlMessage;
import io.vask.gateway.cluster.OnlineUsers;
import io.vask.gateway.protocol.Frames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watchlist events (PROTOCOL.md §5.3): on sign-in, one frame with who is online and offline;
 * afterwards one frame per change of a watched user, to every local session watching them.
 */
final class Watchlists {
  private final OnlineUsers onlineUsers;
  private final Map<WatchKey, Set<Session>> watchers = new ConcurrentHashMap<>();

  private record WatchKey(String appId, String userId) {}

  Watchlists(OnlineUsers onlineUsers) {
    this.onlineUsers = onlineUsers;
  }

  void watch(Session session, SignedInUser previous, SignedInUser user) {
    if (previous != null) {
      unwatch(session, previous);
    }
    if (user.watchlist().isEmpty()) {
      return;
    }
    for (String id : user.watchlist()) {
      watchers
          .computeIfAbsent(new WatchKey(session.appId(), id), k -> ConcurrentHashMap.newKeySet())
          .add(session);
    }
    onlineUsers
        .onlineUsers(session.appId(), user.watchlist())
        .whenCompleteAsync(
            (online, error) -> {
              if (error != null || !session.isOpen()) {
                return;
              }
              List<String> on = new ArrayList<>();
              List<String> off = new ArrayList<>();
              for (String id : user.watchlist()) {
                (online.contains(id) ? on : off).add(id);
              }
              session.send(Frames.watchlistEvents(on, off));
            },
            session.transport().executor());
  }

  void unwatch(Session session, SignedInUser user) {
    for (String id : user.watchlist()) {
      watchers.computeIfPresent(
          new WatchKey(session.appId(), id),
          (k, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
          });
    }
  }

  void notify(ControlMessage.UserStatus status) {
    Set<Session> sessions = watchers.get(new WatchKey(status.appId(), status.userId()));
    if (sessions == null) {
      return;
    }
    List<String> ids = List.of(status.userId());
    String frame =
        status.online()
            ? Frames.watchlistEvents(ids, List.of())
            : Frames.watchlistEvents(List.of(), ids);
    for (Session session : sessions) {
      session.transport().executor().execute(() -> session.send(frame));
    }
  }
}
