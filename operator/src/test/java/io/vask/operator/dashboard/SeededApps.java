package io.vask.operator.dashboard;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vask.operator.VaskApps;
import io.vask.operator.model.Endpoints;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppStatus;
import io.vask.operator.plan.Credentials;
import java.util.List;

/** Reconciled-looking VaskApps in the mock: credentials Secret, spec and a status. */
final class SeededApps {
  static final Credentials CHAT =
      new Credentials("1001", "chat-key", "chat-secret", "chat-credentials");

  private SeededApps() {}

  /** web/chat (Ready, its gateway at {@code httpApi}) and chat/support (not reconciled yet). */
  static void seed(KubernetesClient client, String httpApi) {
    client
        .secrets()
        .inNamespace("web")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(CHAT.secretName())
                .withNamespace("web")
                .endMetadata()
                .withStringData(CHAT.asSecretData())
                .build())
        .create();
    VaskApp chat = client.resource(VaskApps.named("chat", "web")).create();
    var status = new VaskAppStatus();
    status.appId = CHAT.appId();
    status.key = CHAT.key();
    status.credentialsSecret = CHAT.secretName();
    status.readyReplicas = 2;
    status.endpoints =
        new Endpoints(httpApi.replaceFirst("^http", "ws") + "/app/chat-key", httpApi);
    status.conditions =
        List.of(
            new ConditionBuilder()
                .withType("Ready")
                .withStatus("True")
                .withReason("GatewayReady")
                .withMessage("2/2 gateway pods ready")
                .withLastTransitionTime("2026-01-01T00:00:00Z")
                .build());
    chat.setStatus(status);
    client.resource(chat).updateStatus();
    client.resource(VaskApps.named("support", "chat")).create();
  }
}
