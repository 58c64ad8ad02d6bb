package io.vask.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.operator.OperatorFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The production reviews, posted with the fabric8 client to the mock's review expectations. */
class KubernetesAccessReviewIT {
  private static final ReviewStubs STUBS = ReviewStubs.standard();

  @RegisterExtension
  static final OperatorFixture API =
      OperatorFixture.withDefaults().withoutOperator().withStubs(STUBS::install);

  private final KubernetesAccessReview review = new KubernetesAccessReview(API.client());

  @Test
  void anAcceptedTokenIsItsUserWithGroups() {
    var user = review.authenticate("bob-token").orElseThrow();
    assertThat(user.username()).isEqualTo("bob");
    assertThat(user.uid()).isEqualTo("uid-bob");
    assertThat(user.groups()).containsExactly("system:authenticated", "team-bob");
  }

  @Test
  void anUnknownTokenIsNobody() {
    assertThat(review.authenticate("forged-token")).isEmpty();
  }

  @Test
  void accessIsAskedForTheUserAndTheExactResource() {
    var bob = review.authenticate("bob-token").orElseThrow();
    STUBS.accessReviews.clear();

    assertThat(review.allows(bob, Access.onApps("list", "web"))).isTrue();
    var asked = STUBS.accessReviews.get(0).getSpec();
    assertThat(asked.getUser()).isEqualTo("bob");
    assertThat(asked.getUid()).isEqualTo("uid-bob");
    assertThat(asked.getGroups()).containsExactly("system:authenticated", "team-bob");
    assertThat(asked.getResourceAttributes().getGroup()).isEqualTo("vask.dev");
    assertThat(asked.getResourceAttributes().getResource()).isEqualTo("vaskapps");
    assertThat(asked.getResourceAttributes().getNamespace()).isEqualTo("web");
  }

  @Test
  void forbiddenWhereTheApiServerSaysNo() {
    var bob = review.authenticate("bob-token").orElseThrow();
    assertThat(review.allows(bob, Access.onApps("list", "chat"))).isFalse();
    assertThat(review.allows(bob, Access.onApps("create", "web"))).isFalse();
    assertThat(review.allows(bob, Access.onSecret("get", "web", "chat-credentials"))).isFalse();
    var alice = review.authenticate("alice-token").orElseThrow();
    assertThat(review.allows(alice, Access.onSecret("get", "web", "chat-credentials"))).isTrue();
  }
}
