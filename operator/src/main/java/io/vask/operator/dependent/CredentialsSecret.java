package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.GatewayPlan;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;

/**
 * The generated credentials Secret {@code <name>-credentials}. Created once and never updated:
 * rewriting it would change the app's key under the feet of every client that embeds it.
 */
@KubernetesDependent(informer = @Informer(labelSelector = CredentialsSecret.SELECTOR))
public class CredentialsSecret extends KubernetesDependentResource<Secret, VaskApp>
    implements Creator<Secret, VaskApp>, GarbageCollected<VaskApp> {
  public static final String NAME = "credentials";
  static final String SELECTOR =
      Labels.MANAGED + "," + Labels.COMPONENT + "=" + Labels.CREDENTIALS_COMPONENT;

  public CredentialsSecret() {
    super(Secret.class);
  }

  @Override
  protected Secret desired(VaskApp app, Context<VaskApp> context) {
    var credentials = GatewayPlan.from(context).credentials();
    return new SecretBuilder()
        .withMetadata(
            ChildMetadata.of(app, Names.credentialsSecret(app), Labels.CREDENTIALS_COMPONENT))
        .withType("Opaque")
        .withData(SecretData.encode(credentials.asSecretData()))
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(VaskApp app, Context<VaskApp> context) {
    return ChildMetadata.id(app, Names.credentialsSecret(app));
  }
}
