package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.GatewayPlan;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;
import java.util.Map;

/**
 * The Secret {@code <name>-apps} holding the rendered apps file (key {@value #KEY}). It is a Secret
 * because the file contains the app secret. Pods mount it as a directory, so the kubelet swaps in
 * new contents and the gateway hot-reloads them without a restart.
 */
@KubernetesDependent(informer = @Informer(labelSelector = AppsFileSecret.SELECTOR))
public class AppsFileSecret extends CRUDKubernetesDependentResource<Secret, VaskApp> {
  public static final String NAME = "apps-file";
  public static final String KEY = "apps.json";
  static final String SELECTOR =
      Labels.MANAGED + "," + Labels.COMPONENT + "=" + Labels.APPS_FILE_COMPONENT;

  public AppsFileSecret() {
    super(Secret.class);
  }

  @Override
  protected Secret desired(VaskApp app, Context<VaskApp> context) {
    return new SecretBuilder()
        .withMetadata(ChildMetadata.of(app, Names.appsFileSecret(app), Labels.APPS_FILE_COMPONENT))
        .withType("Opaque")
        .withData(SecretData.encode(Map.of(KEY, GatewayPlan.from(context).appsFile())))
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(VaskApp app, Context<VaskApp> context) {
    return ChildMetadata.id(app, Names.appsFileSecret(app));
  }
}
