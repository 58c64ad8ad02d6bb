package io.vask.operator.dashboard;

import java.util.Optional;

/**
 * The two questions the dashboard asks the API server before each action, so that a user can do
 * through it exactly what their own Kubernetes credentials allow, and no user database exists.
 */
public interface AccessReview {

  /** The token's user, or empty when the API server does not accept the token. */
  Optional<ReviewedUser> authenticate(String bearerToken);

  /** Whether the user may perform the access. */
  boolean allows(ReviewedUser user, Access access);
}
