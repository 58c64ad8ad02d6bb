package io.vask.operator.dashboard;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An API server's answers to TokenReviews and SubjectAccessReviews, as expectations of the mock
 * (its CRUD store would echo a review without a status): known tokens are users, and a grant {@code
 * "user verb resource namespace"} ({@code *} namespace: any, cluster-wide included) allows.
 */
final class ReviewStubs {
  static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";
  static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";

  private final Map<String, String> users;
  private final Set<String> grants;
  final List<SubjectAccessReview> accessReviews = new CopyOnWriteArrayList<>();

  ReviewStubs(Map<String, String> users, Set<String> grants) {
    this.users = Map.copyOf(users);
    this.grants = Set.copyOf(grants);
  }

  /** Alice may do everything, bob may list apps in web, carol nothing; tokens are name-token. */
  static ReviewStubs standard() {
    return new ReviewStubs(
        Map.of("alice-token", "alice", "bob-token", "bob", "carol-token", "carol"),
        Set.of(
            "alice list vaskapps *",
            "alice get vaskapps *",
            "alice create vaskapps *",
            "alice get secrets *",
            "alice create secrets *",
            "bob list vaskapps web"));
  }

  void install(KubernetesMockServer server) {
    server
        .expect()
        .post()
        .withPath(TOKEN_REVIEWS)
        .andReply(201, r -> tokenReview(r.getUtf8Body()))
        .always();
    server
        .expect()
        .post()
        .withPath(ACCESS_REVIEWS)
        .andReply(201, r -> accessReview(r.getUtf8Body()))
        .always();
  }

  private String tokenReview(String body) {
    TokenReview review = Serialization.unmarshal(body, TokenReview.class);
    String user = users.get(review.getSpec().getToken());
    review.setStatus(
        user == null
            ? new TokenReviewStatusBuilder().withAuthenticated(false).build()
            : new TokenReviewStatusBuilder()
                .withAuthenticated(true)
                .withNewUser()
                .withUsername(user)
                .withUid("uid-" + user)
                .withGroups("system:authenticated", "team-" + user)
                .endUser()
                .build());
    return Serialization.asJson(review);
  }

  private String accessReview(String body) {
    SubjectAccessReview review = Serialization.unmarshal(body, SubjectAccessReview.class);
    accessReviews.add(review);
    var spec = review.getSpec();
    var attributes = spec.getResourceAttributes();
    String namespace = attributes.getNamespace() == null ? "" : attributes.getNamespace();
    String prefix = spec.getUser() + " " + attributes.getVerb() + " " + attributes.getResource();
    boolean allowed =
        grants.contains(prefix + " *")
            || (!namespace.isEmpty() && grants.contains(prefix + " " + namespace));
    review.setStatus(new SubjectAccessReviewStatusBuilder().withAllowed(allowed).build());
    return Serialization.asJson(review);
  }
}
