package io.vask.operator.dashboard;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * Posts a TokenReview (authentication.k8s.io/v1) and a SubjectAccessReview
 * (authorization.k8s.io/v1) with the operator's own client; the operator's ServiceAccount needs
 * {@code create} on both (the chart grants it when the dashboard is on).
 */
public final class KubernetesAccessReview implements AccessReview {
  private final KubernetesClient client;

  public KubernetesAccessReview(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<ReviewedUser> authenticate(String bearerToken) {
    TokenReview review =
        client
            .resource(
                new TokenReviewBuilder().withNewSpec().withToken(bearerToken).endSpec().build())
            .create();
    var status = review == null ? null : review.getStatus();
    if (status == null
        || !Boolean.TRUE.equals(status.getAuthenticated())
        || status.getUser() == null) {
      return Optional.empty();
    }
    var user = status.getUser();
    return Optional.of(
        new ReviewedUser(user.getUsername(), user.getUid(), user.getGroups(), user.getExtra()));
  }

  @Override
  public boolean allows(ReviewedUser user, Access access) {
    SubjectAccessReview review =
        client
            .resource(
                new SubjectAccessReviewBuilder()
                    .withNewSpec()
                    .withUser(user.username())
                    .withUid(user.uid())
                    .withGroups(user.groups())
                    .withExtra(user.extra())
                    .withNewResourceAttributes()
                    .withVerb(access.verb())
                    .withGroup(access.group())
                    .withResource(access.resource())
                    .withNamespace(access.namespace())
                    .withName(access.name())
                    .endResourceAttributes()
                    .endSpec()
                    .build())
            .create();
    return review != null
        && review.getStatus() != null
        && Boolean.TRUE.equals(review.getStatus().getAllowed());
  }
}
