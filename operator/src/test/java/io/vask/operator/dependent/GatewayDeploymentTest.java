package io.vask.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.vask.operator.plan.Scaling;
import org.junit.jupiter.api.Test;

class GatewayDeploymentTest {

  @Test
  void fixedReplicasAreTakenAsGiven() {
    assertThat(GatewayDeployment.replicas(new Scaling.Fixed(3), live(7))).isEqualTo(3);
  }

  @Test
  void autoscalingKeepsTheLiveCountWithinTheBounds() {
    var scaling = new Scaling.Autoscaled(2, 10, 70, null);
    assertThat(GatewayDeployment.replicas(scaling, null)).isEqualTo(2);
    assertThat(GatewayDeployment.replicas(scaling, live(6))).isEqualTo(6);
    assertThat(GatewayDeployment.replicas(scaling, live(1))).isEqualTo(2);
    assertThat(GatewayDeployment.replicas(scaling, live(40))).isEqualTo(10);
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment live(int replicas) {
    return new DeploymentBuilder().withNewSpec().withReplicas(replicas).endSpec().build();
  }
}
