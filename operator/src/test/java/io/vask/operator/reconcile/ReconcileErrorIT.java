package io.vask.operator.reconcile;

import static io.vask.operator.Eventually.eventually;
import static io.vask.operator.StatusAssertions.assertCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An API error while writing children is reported in the status, not only in the log. */
class ReconcileErrorIT {
  @RegisterExtension
  final OperatorFixture cluster =
      OperatorFixture.withDefaults()
          .withStubs(
              server ->
                  server
                      .expect()
                      .post()
                      .withPath("/apis/apps/v1/namespaces/test/deployments")
                      .andReturn(403, "deployments.apps is forbidden: quota exceeded")
                      .always());

  @Test
  void rejectedDeploymentIsReportedAsReconcileError() {
    cluster.client().resource(VaskApps.named("denied", "test")).create();
    var denied = new Children(cluster.client(), "denied");

    eventually()
        .untilAsserted(
            () -> assertCondition(denied.vaskApp(), "Degraded", "True", "ReconcileError"));
    assertCondition(denied.vaskApp(), "Ready", "False", "ReconcileError");
    assertThat(denied.status().condition("Degraded").orElseThrow().getMessage())
        .doesNotContain("\n")
        .hasSizeLessThanOrEqualTo(303);
    assertThat(denied.deployment()).isNull();
  }
}
