package io.vask.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.operator.EveryField;
import io.vask.operator.VaskApps;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.Credentials;
import io.vask.operator.plan.GatewayPlanner;
import io.vask.operator.plan.OperatorDefaults;
import io.vask.operator.plan.WebhookHeaderValues;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What rolls pods: every hot-reloadable field (enabled, features, limits, timings, webhooks,
 * credentials) leaves the pod template as it is; pod fields change it.
 */
class HotSettingsTemplateTest {
  private static final GatewayPlanner PLANNER =
      new GatewayPlanner(new OperatorDefaults("vask/gateway:test", Optional.of("nats://n:4222")));
  private static final Credentials CREDENTIALS = new Credentials("1", "key", "secret", "c");
  private static final WebhookHeaderValues HEADERS =
      new WebhookHeaderValues(Map.of(EveryField.HEADER_SECRET, Map.of("Authorization", "x")));

  @Test
  void hotReloadableFieldsLeaveThePodTemplateAlone() {
    VaskApp plain = VaskApps.named("chat", "test");
    VaskApp hot = VaskApps.named("chat", "test");
    VaskApp full = EveryField.app("chat", "test");
    hot.getSpec().enabled = full.getSpec().enabled;
    hot.getSpec().features = full.getSpec().features;
    hot.getSpec().limits = full.getSpec().limits;
    hot.getSpec().timings = full.getSpec().timings;
    hot.getSpec().webhooks = full.getSpec().webhooks;
    var rotated = new Credentials("2", "other", "rotated", "c");

    var before = template(plain, CREDENTIALS);
    assertThat(template(hot, rotated)).isEqualTo(before);
    assertThat(PLANNER.plan(hot, rotated, HEADERS).appsFile())
        .isNotEqualTo(PLANNER.plan(plain, CREDENTIALS, HEADERS).appsFile());
  }

  @Test
  void podFieldsChangeThePodTemplate() {
    VaskApp plain = VaskApps.named("chat", "test");
    VaskApp pod = VaskApps.named("chat", "test");
    pod.getSpec().gateway = EveryField.app("chat", "test").getSpec().gateway;
    pod.getSpec().gateway.image = null;
    pod.getSpec().gateway.resources = null;
    pod.getSpec().gateway.drainSeconds = null;

    assertThat(template(pod, CREDENTIALS)).isNotEqualTo(template(plain, CREDENTIALS));
  }

  @Test
  void byDefaultPodsSpreadOverZonesAndNodesWithoutBlockingScheduling() {
    var spread =
        template(VaskApps.named("chat", "test"), CREDENTIALS)
            .getSpec()
            .getTopologySpreadConstraints();
    assertThat(spread)
        .extracting(c -> c.getTopologyKey())
        .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
    assertThat(spread)
        .allSatisfy(c -> assertThat(c.getWhenUnsatisfiable()).isEqualTo("ScheduleAnyway"));
  }

  private static io.fabric8.kubernetes.api.model.PodTemplateSpec template(
      VaskApp app, Credentials credentials) {
    return GatewayPodTemplate.of(app, PLANNER.plan(app, credentials, HEADERS));
  }
}
