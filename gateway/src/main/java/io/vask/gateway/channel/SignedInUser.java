package io.vask.gateway.channel;

import java.util.List;

/**
 * The user a connection signed in as ({@code pusher:signin}): id, the {@code user_info} JSON text
 * (shared in presence channels), and the watchlist (at most 100 ids).
 */
public record SignedInUser(String id, String userInfoJson, List<String> watchlist) {
  public SignedInUser {
    watchlist = watchlist == null ? List.of() : List.copyOf(watchlist);
  }
}
