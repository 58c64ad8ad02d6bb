package io.vask.gateway.cluster.local;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vask.gateway.cluster.OnlineUsers;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Online users on a single node: the signed-in users per app. */
final class LocalOnlineUsers implements OnlineUsers {
  private final Map<String, Set<String>> online = new HashMap<>();

  @Override
  public synchronized CompletionStage<Boolean> userSignedIn(String appId, String userId) {
    return completedFuture(online.computeIfAbsent(appId, k -> new HashSet<>()).add(userId));
  }

  @Override
  public synchronized CompletionStage<Boolean> userSignedOut(String appId, String userId) {
    Set<String> users = online.get(appId);
    boolean offline = users != null && users.remove(userId);
    if (users != null && users.isEmpty()) {
      online.remove(appId);
    }
    return completedFuture(offline);
  }

  @Override
  public synchronized CompletionStage<Set<String>> onlineUsers(
      String appId, Collection<String> userIds) {
    Set<String> users = online.getOrDefault(appId, Set.of());
    Set<String> result = new HashSet<>();
    for (String id : userIds) {
      if (users.contains(id)) {
        result.add(id);
      }
    }
    return completedFuture(result);
  }
}
