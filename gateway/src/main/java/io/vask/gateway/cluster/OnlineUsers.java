package io.vask.gateway.cluster;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Signed-in users, cluster-wide: a user is online while any node has a signed-in connection of
 * theirs. No grace: watchlist events are immediate.
 */
public interface OnlineUsers {

  /** The user's first signed-in connection on this node; true if they came online cluster-wide. */
  CompletionStage<Boolean> userSignedIn(String appId, String userId);

  /** The user's last signed-in connection on this node closed; true if they went offline. */
  CompletionStage<Boolean> userSignedOut(String appId, String userId);

  /** Which of these users are online anywhere in the cluster. */
  CompletionStage<Set<String>> onlineUsers(String appId, Collection<String> userIds);
}
