package io.vask.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.vask.operator.EveryField;
import io.vask.operator.model.GatewaySpec;
import io.vask.operator.model.HttpRouteSpec;
import io.vask.operator.model.WebhookHeadersFrom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator's own check of the newer fields, for API servers that skipped the CRD's rules. */
class SpecValidatorFieldsTest {

  @Test
  void everyFieldSetIsValid() {
    assertThat(SpecValidator.problems(EveryField.app("full", "test"))).isEmpty();
  }

  @Test
  void outOfRangeLimitsAndTimingsAreNamed() {
    var app = EveryField.app("full", "test");
    app.getSpec().limits.maxChannelsPerTrigger = 101;
    app.getSpec().limits.maxEventsPerBatch = 0;
    app.getSpec().timings.cacheTtlSeconds = 86_401;
    app.getSpec().timings.activityTimeoutSeconds = 0;
    assertThat(SpecValidator.problems(app))
        .containsExactlyInAnyOrder(
            "limits.maxChannelsPerTrigger is 101 (expected 1..100)",
            "limits.maxEventsPerBatch is 0 (expected 1..1000)",
            "timings.cacheTtlSeconds is 86401 (expected 1..86400)",
            "timings.activityTimeoutSeconds is 0 (expected 1..3600)");
  }

  @Test
  void envTheOperatorSetsIsRejected() {
    var app = EveryField.app("full", "test");
    app.getSpec().gateway.env = List.of(new EnvVar("VASK_NATS_TOKEN_FILE", "/tmp/token", null));
    assertThat(SpecValidator.problems(app)).containsExactly(GatewaySpec.RESERVED_ENV_MESSAGE);
  }

  @Test
  void routeWithoutParentsAndHeadersWithoutSecretAreNamed() {
    var app = EveryField.app("full", "test");
    app.getSpec().httpRoute = new HttpRouteSpec();
    app.getSpec().webhooks.get(0).headersFrom = new WebhookHeadersFrom("");
    assertThat(SpecValidator.problems(app))
        .containsExactlyInAnyOrder(
            "httpRoute.parentRefs is empty (expected at least one Gateway)",
            "webhooks[0].headersFrom.secretRef.name is empty (expected a Secret name)");
  }

  @Test
  void aMonitoringIntervalThatIsNoDurationIsNamed() {
    var app = EveryField.app("full", "test");
    app.getSpec().monitoring.interval = "30 seconds";
    assertThat(SpecValidator.problems(app))
        .containsExactly(
            "monitoring.interval \"30 seconds\" is invalid (expected a duration such as 30s or 1m)");
  }
}
