package io.vask.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.vask.operator.VaskApps;
import io.vask.operator.model.NatsSpec;
import io.vask.operator.plan.Credentials;
import io.vask.operator.plan.GatewayPlanner;
import io.vask.operator.plan.OperatorDefaults;
import io.vask.operator.plan.WebhookHeaderValues;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gateway pod holds no Kubernetes API credentials: it never calls the API server. */
class GatewayPodTemplateTest {

  @Test
  void gatewayPodsMountNoServiceAccountToken() {
    var app = VaskApps.named("chat", "test");
    var plan =
        new GatewayPlanner(new OperatorDefaults("vask/gateway:test", Optional.empty()))
            .plan(
                app,
                new Credentials("1", "key", "secret", "chat-credentials"),
                WebhookHeaderValues.NONE);

    var pod = GatewayPodTemplate.of(app, plan).getSpec();

    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getVolumes()).noneMatch(v -> v.getProjected() != null);
  }

  @Test
  void natsCredentialsAndTlsComeFromSecretsMountedAsFilesNeverAsEnvironmentValues() {
    var app = VaskApps.named("chat", "test");
    NatsSpec nats = new NatsSpec("nats://nats.team-a:4222");
    nats.auth = "password";
    nats.user = "chat-gateway";
    nats.credentialsSecret = "chat-nats";
    nats.tlsSecret = "nats-client-tls";
    nats.clientCertificate = true;
    app.getSpec().nats = nats;
    var plan =
        new GatewayPlanner(new OperatorDefaults("vask/gateway:test", Optional.empty()))
            .plan(
                app,
                new Credentials("1", "key", "secret", "chat-credentials"),
                WebhookHeaderValues.NONE);

    var pod = GatewayPodTemplate.of(app, plan).getSpec();
    var container = pod.getContainers().get(0);
    Map<String, String> env =
        container.getEnv().stream()
            .filter(e -> e.getValue() != null)
            .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));

    assertThat(env)
        .containsEntry("VASK_NATS_USER", "chat-gateway")
        .containsEntry("VASK_NATS_PASSWORD_FILE", "/etc/vask/nats/auth/password")
        .containsEntry("VASK_NATS_TLS_CA", "/etc/vask/nats/tls/ca.crt")
        .containsEntry("VASK_NATS_TLS_CERT", "/etc/vask/nats/tls/tls.crt")
        .containsEntry("VASK_NATS_TLS_KEY", "/etc/vask/nats/tls/tls.key");
    assertThat(container.getEnv())
        .noneMatch(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null);
    assertThat(pod.getVolumes())
        .filteredOn(v -> v.getSecret() != null)
        .extracting(v -> v.getSecret().getSecretName())
        .contains("chat-nats", "nats-client-tls");
    Volume auth =
        pod.getVolumes().stream().filter(v -> "nats-auth".equals(v.getName())).findFirst().get();
    assertThat(auth.getSecret().getItems()).extracting(i -> i.getKey()).containsExactly("password");
    assertThat(container.getVolumeMounts())
        .filteredOn(m -> m.getName().startsWith("nats-"))
        .allMatch(m -> Boolean.TRUE.equals(m.getReadOnly()))
        .hasSize(2);
  }

  @Test
  void changingNatsCredentialsRollsThePodsButTheirAbsenceChangesNothing() {
    var app = VaskApps.named("chat", "test");
    app.getSpec().nats = new NatsSpec("nats://nats:4222");
    var planner = new GatewayPlanner(new OperatorDefaults("vask/gateway:test", Optional.empty()));
    var credentials = new Credentials("1", "key", "secret", "chat-credentials");
    String plain = planner.plan(app, credentials, WebhookHeaderValues.NONE).restartHash();
    app.getSpec().nats.auth = "token";
    app.getSpec().nats.credentialsSecret = "chat-token";

    assertThat(planner.plan(app, credentials, WebhookHeaderValues.NONE).restartHash())
        .isNotEqualTo(plain);
    assertThat(planner.plan(app, credentials, WebhookHeaderValues.NONE).natsAccess()).isPresent();
  }
}
