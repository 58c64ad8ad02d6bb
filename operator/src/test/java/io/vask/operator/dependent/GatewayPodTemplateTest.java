package io.vask.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.operator.VaskApps;
import io.vask.operator.plan.Credentials;
import io.vask.operator.plan.GatewayPlanner;
import io.vask.operator.plan.OperatorDefaults;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gateway pod holds no Kubernetes API credentials: it never calls the API server. */
class GatewayPodTemplateTest {

  @Test
  void gatewayPodsMountNoServiceAccountToken() {
    var app = VaskApps.named("chat", "test");
    var plan =
        new GatewayPlanner(new OperatorDefaults("vask/gateway:test", Optional.empty()))
            .plan(app, new Credentials("1", "key", "secret", "chat-credentials"));

    var pod = GatewayPodTemplate.of(app, plan).getSpec();

    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getVolumes()).noneMatch(v -> v.getProjected() != null);
  }
}
