package io.vask.operator.reconcile;

import static io.vask.operator.Eventually.eventually;
import static io.vask.operator.StatusAssertions.assertCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.vask.operator.Children;
import io.vask.operator.MockCluster;
import io.vask.operator.VaskApps;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An API error while writing children is reported in the status, not only in the log. */
@EnableKubernetesMockClient(crud = true)
class ReconcileErrorIT {
  KubernetesClient client;
  KubernetesMockServer server;
  Operator operator;

  @AfterEach
  void stop() {
    operator.stop();
  }

  @Test
  void rejectedDeploymentIsReportedAsReconcileError() {
    MockCluster.registerCrd(client);
    server
        .expect()
        .post()
        .withPath("/apis/apps/v1/namespaces/test/deployments")
        .andReturn(403, "deployments.apps is forbidden: quota exceeded")
        .always();
    operator = MockCluster.start(client, MockCluster.settings(Map.of()));
    client.resource(VaskApps.named("denied", "test")).create();
    var denied = new Children(client, "denied");

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
