package io.vask.operator.reconcile;

import static io.vask.operator.Eventually.eventually;
import static io.vask.operator.StatusAssertions.assertCondition;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import io.vask.operator.dependent.SecretData;
import io.vask.operator.model.ScalingSpec;
import io.vask.operator.model.VaskApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What {@code kubectl describe vaskapp} shows: Events on the VaskApp as things happen. */
class VaskAppEventsIT {
  @RegisterExtension static final OperatorFixture cluster = OperatorFixture.withDefaults();

  @Test
  void newAppToldCredentialsGeneratedRolloutStartedAndFinished() {
    cluster.client().resource(VaskApps.named("told", "test")).create();
    var told = new Children(cluster.client(), "told");
    eventually()
        .untilAsserted(
            () ->
                assertThat(reasons("told"))
                    .contains(AppEvents.CREDENTIALS_GENERATED, AppEvents.ROLLOUT_STARTED));

    told.markDeploymentReady();

    eventually()
        .untilAsserted(() -> assertThat(reasons("told")).contains(AppEvents.ROLLOUT_FINISHED));
    VaskApp app = told.vaskApp();
    assertThat(events("told"))
        .allSatisfy(
            e -> {
              assertThat(e.getInvolvedObject().getKind()).isEqualTo("VaskApp");
              assertThat(e.getInvolvedObject().getApiVersion()).isEqualTo("vask.dev/v1alpha1");
              assertThat(e.getInvolvedObject().getUid()).isEqualTo(app.getMetadata().getUid());
              assertThat(e.getInvolvedObject().getNamespace()).isEqualTo("test");
              assertThat(e.getType()).isEqualTo("Normal");
              assertThat(e.getSource().getComponent()).isEqualTo("vask-operator");
            });
    assertThat(event("told", AppEvents.CREDENTIALS_GENERATED).getMessage())
        .contains("told-credentials");
    assertThat(reasons("told"))
        .as("each told once")
        .containsOnlyOnce(
            AppEvents.CREDENTIALS_GENERATED, AppEvents.ROLLOUT_STARTED, AppEvents.ROLLOUT_FINISHED);
  }

  @Test
  void invalidSpecIsAWarning() {
    var app = VaskApps.named("wrong", "test");
    var scaling = ScalingSpec.fixed(2);
    scaling.maxReplicas = 5;
    scaling.targetCPUUtilization = 60;
    app.getSpec().scaling = scaling;
    cluster.client().resource(app).create();

    eventually().untilAsserted(() -> assertThat(reasons("wrong")).contains(Problem.INVALID_SPEC));
    var warning = event("wrong", Problem.INVALID_SPEC);
    assertThat(warning.getType()).isEqualTo("Warning");
    assertThat(warning.getMessage()).contains(ScalingSpec.EXCLUSIVE_MESSAGE);
    assertThat(warning.getInvolvedObject().getName()).isEqualTo("wrong");
  }

  @Test
  void aForeignSecretInTheWayIsAConflictAndLeftAlone() {
    var foreign =
        cluster
            .client()
            .resource(
                new SecretBuilder()
                    .withNewMetadata()
                    .withName("clash-apps")
                    .endMetadata()
                    .withData(SecretData.encode(Map.of("mine", "not yours")))
                    .build())
            .create();
    cluster.client().resource(VaskApps.named("clash", "test")).create();
    var clash = new Children(cluster.client(), "clash");

    eventually()
        .untilAsserted(() -> assertCondition(clash.vaskApp(), "Degraded", "True", "Conflict"));
    eventually().untilAsserted(() -> assertThat(reasons("clash")).contains(Problem.CONFLICT));
    assertThat(event("clash", Problem.CONFLICT).getType()).isEqualTo("Warning");
    assertThat(event("clash", Problem.CONFLICT).getMessage()).contains("clash-apps");
    var after = cluster.client().secrets().withName("clash-apps").get();
    assertThat(after.getData()).isEqualTo(foreign.getData());
    assertThat(after.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(after.getMetadata().getResourceVersion())
        .isEqualTo(foreign.getMetadata().getResourceVersion());
    assertThat(clash.deployment()).isNull();
  }

  private static List<Event> events(String app) {
    return cluster.client().v1().events().inNamespace("test").list().getItems().stream()
        .filter(e -> app.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  private static List<String> reasons(String app) {
    return events(app).stream().map(Event::getReason).toList();
  }

  private static Event event(String app, String reason) {
    return events(app).stream().filter(e -> reason.equals(e.getReason())).findFirst().orElseThrow();
  }
}
