package io.vask.operator.reconcile;

import static io.vask.operator.Eventually.eventually;
import static io.vask.operator.StatusAssertions.assertCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import io.vask.operator.model.NatsSpec;
import io.vask.operator.model.ScalingSpec;
import io.vask.operator.model.WebhookEvent;
import io.vask.operator.model.WebhookSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mock applies no CRD validation, like an API server without CEL: the operator must catch the
 * spec itself, report it, and leave the cluster as it was.
 */
class InvalidSpecIT {
  @RegisterExtension static final OperatorFixture cluster = OperatorFixture.withDefaults();

  @Test
  void invalidNewAppIsReportedAndNothingIsCreated() {
    var app = VaskApps.named("both", "test");
    var scaling = ScalingSpec.fixed(2);
    scaling.maxReplicas = 5;
    scaling.targetCPUUtilization = 60;
    app.getSpec().scaling = scaling;
    cluster.client().resource(app).create();
    var both = new Children(cluster.client(), "both");

    eventually()
        .untilAsserted(() -> assertCondition(both.vaskApp(), "Degraded", "True", "InvalidSpec"));
    assertCondition(both.vaskApp(), "Ready", "False", "InvalidSpec");
    assertThat(both.vaskApp().getStatus().condition("Degraded").orElseThrow().getMessage())
        .contains(ScalingSpec.EXCLUSIVE_MESSAGE);
    assertThat(both.credentials()).isNull();
    assertThat(both.appsFileSecret()).isNull();
    assertThat(both.deployment()).isNull();
    assertThat(both.service()).isNull();
    assertThat(both.autoscaler()).isNull();
    assertThat(both.disruptionBudget()).isNull();

    VaskApps.update(cluster.client(), "both", a -> a.getSpec().scaling = ScalingSpec.fixed(1));
    eventually().untilAsserted(() -> assertThat(both.deployment()).isNotNull());
    eventually()
        .untilAsserted(() -> assertCondition(both.vaskApp(), "Degraded", "False", "AsExpected"));
  }

  @Test
  void invalidUpdateKeepsTheLastGoodFleet() {
    var app = VaskApps.named("keep", "test");
    app.getSpec()
        .webhooks
        .add(new WebhookSpec("https://good.example/hook", List.of(WebhookEvent.CHANNEL_VACATED)));
    cluster.client().resource(app).create();
    var keep = new Children(cluster.client(), "keep");
    eventually()
        .untilAsserted(() -> assertCondition(keep.vaskApp(), "Degraded", "False", "AsExpected"));
    var appsFile = keep.appsFileSecret();
    var deployment = keep.deployment();
    String key = keep.status().key;

    VaskApps.update(
        cluster.client(),
        "keep",
        a -> {
          a.getSpec().webhooks.get(0).url = "ftp://bad.example/hook";
          a.getSpec().limits = VaskApps.limits(5);
          a.getSpec().limits.maxMessageBytes = 70_000;
        });

    eventually()
        .untilAsserted(() -> assertCondition(keep.vaskApp(), "Degraded", "True", "InvalidSpec"));
    String message = keep.vaskApp().getStatus().condition("Degraded").orElseThrow().getMessage();
    assertThat(message)
        .contains("webhooks[0].url \"ftp://bad.example/hook\"")
        .contains("limits.maxMessageBytes is 70000 (expected 1..65536)");
    // Nothing half-applied: the valid limit change did not reach the apps file either.
    assertThat(keep.appsFileSecret().getMetadata().getResourceVersion())
        .isEqualTo(appsFile.getMetadata().getResourceVersion());
    assertThat(keep.deployment().getMetadata().getResourceVersion())
        .isEqualTo(deployment.getMetadata().getResourceVersion());
    assertThat(keep.status().key).as("last good endpoint stays published").isEqualTo(key);
    assertThat(keep.status().observedGeneration)
        .isEqualTo(keep.vaskApp().getMetadata().getGeneration());

    VaskApps.update(
        cluster.client(),
        "keep",
        a -> {
          a.getSpec().webhooks.get(0).url = "https://fixed.example/hook";
          a.getSpec().limits.maxMessageBytes = 1024;
        });
    eventually()
        .untilAsserted(
            () -> {
              assertThat(keep.appsFile().limits().maxConnections()).isEqualTo(5);
              assertThat(keep.appsFile().webhooks().get(0).url())
                  .isEqualTo("https://fixed.example/hook");
            });
    eventually()
        .untilAsserted(() -> assertCondition(keep.vaskApp(), "Degraded", "False", "AsExpected"));
  }

  @Test
  void severalPodsWithoutNatsAreRefused() {
    var app = VaskApps.named("lonely", "test");
    app.getSpec().scaling = ScalingSpec.fixed(3);
    cluster.client().resource(app).create();
    var lonely = new Children(cluster.client(), "lonely");

    eventually()
        .untilAsserted(() -> assertCondition(lonely.vaskApp(), "Degraded", "True", "NatsRequired"));
    assertThat(lonely.deployment()).isNull();

    VaskApps.update(
        cluster.client(), "lonely", a -> a.getSpec().nats = new NatsSpec("nats://nats:4222"));
    eventually().untilAsserted(() -> assertThat(lonely.deployment()).isNotNull());
    assertThat(lonely.deployment().getSpec().getReplicas()).isEqualTo(3);
  }
}
