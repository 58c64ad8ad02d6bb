package io.vask.operator.dashboard;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@code Authorization} header of a request into a reviewed user, and refuses what that
 * user may not do: 401 without an accepted bearer token, 403 when a review says no.
 */
public final class Gate {
  private static final Logger LOG = LoggerFactory.getLogger(Gate.class);
  private static final String BEARER = "Bearer ";

  private final AccessReview review;

  public Gate(AccessReview review) {
    this.review = review;
  }

  public ReviewedUser authenticate(String authorizationHeader) {
    String token =
        authorizationHeader != null && authorizationHeader.startsWith(BEARER)
            ? authorizationHeader.substring(BEARER.length()).trim()
            : "";
    Optional<ReviewedUser> user = token.isEmpty() ? Optional.empty() : review.authenticate(token);
    return user.orElseThrow(
        () ->
            new DashboardRefused(
                401, "a Kubernetes bearer token the API server accepts is required"));
  }

  /** Whether the user may; for actions that skip what is not allowed, like listing. */
  public boolean allows(ReviewedUser user, Access access) {
    return review.allows(user, access);
  }

  public void require(ReviewedUser user, Access access) {
    if (!review.allows(user, access)) {
      LOG.info("dashboard: {} may not {}", user.username(), access);
      throw new DashboardRefused(403, user.username() + " may not " + access);
    }
  }
}
