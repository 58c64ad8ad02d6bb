package io.vask.gateway.cluster.nats;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vask.gateway.cluster.OnlineUsers;
import io.vask.gateway.cluster.nats.CasLanes.Change;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Online users as {@code us.} entries holding the nodes with signed-in connections. */
final class NatsOnlineUsers implements OnlineUsers {
  private final NatsMembership shared;
  private final MembershipView view;
  private final OutageJournal journal;

  NatsOnlineUsers(NatsMembership shared, MembershipView view, OutageJournal journal) {
    this.shared = shared;
    this.view = view;
    this.journal = journal;
  }

  @Override
  public CompletionStage<Boolean> userSignedIn(String appId, String userId) {
    String key = Keys.user(appId, userId);
    shared.claims().add(key, null);
    if (!shared.up()) {
      journal.joined(key); // decided and announced once NATS is back
      return completedFuture(false);
    }
    return shared.onLane(
        key,
        () -> {
          if (!shared.claims().has(key)) {
            return false;
          }
          Change change = shared.claim(key, null);
          return change.written() && (change.before() == null || change.before().empty());
        });
  }

  @Override
  public CompletionStage<Boolean> userSignedOut(String appId, String userId) {
    String key = Keys.user(appId, userId);
    shared.claims().remove(key);
    if (!shared.up()) {
      return completedFuture(false);
    }
    return shared.onLane(key, () -> shared.signOut(key));
  }

  @Override
  public CompletionStage<Set<String>> onlineUsers(String appId, Collection<String> userIds) {
    return completedFuture(view.onlineUsers(appId, userIds));
  }
}
