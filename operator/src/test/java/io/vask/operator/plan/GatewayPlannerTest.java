package io.vask.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.vask.contract.WebhookEventType;
import io.vask.operator.VaskApps;
import io.vask.operator.model.GatewaySpec;
import io.vask.operator.model.NatsSpec;
import io.vask.operator.model.ScalingSpec;
import io.vask.operator.model.WebhookEvent;
import io.vask.operator.model.WebhookSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayPlannerTest {
  static final Credentials CREDENTIALS = new Credentials("1", "key", "secret", "chat-credentials");
  final GatewayPlanner planner =
      new GatewayPlanner(
          new OperatorDefaults("vask/gateway:1", Optional.of("nats://default:4222")));

  @Test
  void defaultsFillWhatTheSpecLeavesOut() {
    var plan = planner.plan(VaskApps.named("chat", "web"), CREDENTIALS, WebhookHeaderValues.NONE);
    assertThat(plan.image()).isEqualTo("vask/gateway:1");
    assertThat(plan.natsUrl()).contains("nats://default:4222");
    assertThat(plan.drainSeconds()).isEqualTo(GatewaySpec.DEFAULT_DRAIN_SECONDS);
    assertThat(plan.scaling()).isEqualTo(new Scaling.Fixed(1));
    assertThat(plan.endpoints().websocket).isEqualTo("ws://chat-gateway.web.svc:6001/app/key");
  }

  @Test
  void autoscalingDefaultsItsLowerBoundToOne() {
    var scaling = new ScalingSpec();
    scaling.maxReplicas = 4;
    scaling.targetCPUUtilization = 50;
    assertThat(GatewayPlanner.scaling(scaling)).isEqualTo(new Scaling.Autoscaled(1, 4, 50, null));
  }

  @Test
  void everyModelEventMapsToTheContractsWireName() {
    assertThat(Arrays.stream(WebhookEvent.values()).map(AppsFileRenderer::wireName))
        .containsExactlyElementsOf(
            Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList());
  }

  @Test
  void settingsDoNotChangeTheRestartHashButImageNatsAndResourcesDo() {
    var app = VaskApps.named("chat", "web");
    String base = planner.plan(app, CREDENTIALS, WebhookHeaderValues.NONE).restartHash();

    app.getSpec()
        .webhooks
        .add(new WebhookSpec("https://x.example/h", List.of(WebhookEvent.CACHE_MISS)));
    var rotated = new Credentials("2", "other", "rotated", "chat-credentials");
    assertThat(planner.plan(app, rotated, WebhookHeaderValues.NONE).restartHash()).isEqualTo(base);

    app.getSpec().nats = new NatsSpec("nats://other:4222");
    String withNats = planner.plan(app, CREDENTIALS, WebhookHeaderValues.NONE).restartHash();
    assertThat(withNats).isNotEqualTo(base);

    app.getSpec().gateway = new GatewaySpec();
    app.getSpec().gateway.image = "vask/gateway:2";
    String withImage = planner.plan(app, CREDENTIALS, WebhookHeaderValues.NONE).restartHash();
    assertThat(withImage).isNotEqualTo(withNats);

    app.getSpec().gateway.resources =
        new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity("1")).build();
    assertThat(planner.plan(app, CREDENTIALS, WebhookHeaderValues.NONE).restartHash())
        .isNotEqualTo(withImage);
  }

  @Test
  void resourceKeyOrderDoesNotCount() {
    var ab = new LinkedHashMap<String, Quantity>();
    ab.put("cpu", new Quantity("1"));
    ab.put("memory", new Quantity("1Gi"));
    var ba = new LinkedHashMap<String, Quantity>();
    ba.put("memory", new Quantity("1Gi"));
    ba.put("cpu", new Quantity("1"));
    assertThat(
            RestartHash.of(
                "i", Optional.empty(), new ResourceRequirementsBuilder().withRequests(ab).build()))
        .isEqualTo(
            RestartHash.of(
                "i", Optional.empty(), new ResourceRequirementsBuilder().withRequests(ba).build()));
  }
}
