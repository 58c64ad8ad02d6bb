package io.vask.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vask.contract.AppSettings;
import io.vask.contract.AppsFileCodec;
import io.vask.operator.dependent.AppsFileSecret;
import io.vask.operator.dependent.SecretData;
import io.vask.operator.model.VaskApp;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the child objects of one VaskApp from the (mock) API server. */
public record Children(KubernetesClient client, String app) {

  public VaskApp vaskApp() {
    return client.resources(VaskApp.class).withName(app).get();
  }

  /** The status, failing (so Awaitility retries) while there is none yet. */
  public io.vask.operator.model.VaskAppStatus status() {
    var status = vaskApp().getStatus();
    assertThat(status).as("status of %s", app).isNotNull();
    return status;
  }

  /** Waits until the operator has reconciled the current generation. */
  public void awaitObserved() {
    Eventually.eventually()
        .untilAsserted(
            () ->
                assertThat(status().observedGeneration)
                    .isEqualTo(vaskApp().getMetadata().getGeneration()));
  }

  public Deployment deployment() {
    return client.apps().deployments().withName(app + "-gateway").get();
  }

  public Service service() {
    return client.services().withName(app + "-gateway").get();
  }

  public Secret credentials() {
    return client.secrets().withName(app + "-credentials").get();
  }

  public Secret appsFileSecret() {
    return client.secrets().withName(app + "-apps").get();
  }

  public HorizontalPodAutoscaler autoscaler() {
    return client.autoscaling().v2().horizontalPodAutoscalers().withName(app + "-gateway").get();
  }

  public PodDisruptionBudget disruptionBudget() {
    return client.policy().v1().podDisruptionBudget().withName(app + "-gateway").get();
  }

  public Ingress ingress() {
    return client.network().v1().ingresses().withName(app + "-gateway").get();
  }

  /** The one app of the rendered apps file. */
  public AppSettings appsFile() {
    Secret secret = appsFileSecret();
    assertThat(secret).as("apps-file Secret of %s", app).isNotNull();
    String json = SecretData.decode(secret.getData(), AppsFileSecret.KEY).orElseThrow();
    var file = AppsFileCodec.parse(json.getBytes(StandardCharsets.UTF_8));
    assertThat(file.apps()).hasSize(1);
    return file.apps().get(0);
  }

  public String credential(String key) {
    return SecretData.decode(credentials().getData(), key).orElseThrow();
  }

  /** Marks the Deployment rolled out, as the Deployment controller would. */
  public void markDeploymentReady() {
    client
        .apps()
        .deployments()
        .withName(app + "-gateway")
        .editStatus(
            d -> {
              int replicas = d.getSpec().getReplicas();
              d.setStatus(
                  new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                      .withObservedGeneration(d.getMetadata().getGeneration())
                      .withReplicas(replicas)
                      .withReadyReplicas(replicas)
                      .withUpdatedReplicas(replicas)
                      .withAvailableReplicas(replicas)
                      .build());
              return d;
            });
  }

  public static void assertOwnedBy(VaskApp owner, List<? extends HasMetadata> children) {
    for (HasMetadata child : children) {
      assertThat(child).as("child object").isNotNull();
      assertThat(child.getMetadata().getOwnerReferences())
          .as("owner references of %s %s", child.getKind(), child.getMetadata().getName())
          .singleElement()
          .satisfies(
              ref -> {
                assertThat(ref.getUid()).isEqualTo(owner.getMetadata().getUid());
                assertThat(ref.getKind()).isEqualTo("VaskApp");
                assertThat(ref.getApiVersion()).isEqualTo("vask.dev/v1alpha1");
                assertThat(ref.getName()).isEqualTo(owner.getMetadata().getName());
              });
      assertThat(child.getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/managed-by", "vask-operator")
          .containsEntry("app.kubernetes.io/instance", owner.getMetadata().getName())
          .containsEntry("app.kubernetes.io/name", "vask-gateway");
    }
  }
}
