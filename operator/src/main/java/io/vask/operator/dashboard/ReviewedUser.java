package io.vask.operator.dashboard;

import java.util.List;
import java.util.Map;

/** Who a bearer token belongs to, as the API server's TokenReview says. */
public record ReviewedUser(
    String username, String uid, List<String> groups, Map<String, List<String>> extra) {

  public ReviewedUser {
    groups = groups == null ? List.of() : List.copyOf(groups);
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }
}
