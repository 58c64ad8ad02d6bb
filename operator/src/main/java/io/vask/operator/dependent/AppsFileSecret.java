package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.GatewayPlan;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;
import java.util.Map;

/**
 * The Secret {@code <name>-apps} holding the rendered apps file (key {@value #KEY}). It is a Secret
 * because the file contains the app secret. Pods mount it as a directory, so the kubelet swaps in
 * new contents and the gateway hot-reloads them without a restart. Written by {@link OwnedSecrets}.
 */
public final class AppsFileSecret {
  public static final String KEY = "apps.json";

  private AppsFileSecret() {}

  public static Secret of(VaskApp app, GatewayPlan plan) {
    return new SecretBuilder()
        .withMetadata(ChildMetadata.of(app, Names.appsFileSecret(app), Labels.APPS_FILE_COMPONENT))
        .withType("Opaque")
        .withData(SecretData.encode(Map.of(KEY, plan.appsFile())))
        .build();
  }
}
