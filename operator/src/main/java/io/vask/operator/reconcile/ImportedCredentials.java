package io.vask.operator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.vask.operator.model.VaskApp;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Watches the users' own credentials Secrets. They carry no label of ours (the operator never
 * modifies them), so the informer sees every Secret of the watched namespaces and maps each back to
 * the VaskApps naming it, through an index on the VaskApp cache. A rotation then re-renders the
 * apps file within one reconcile.
 */
final class ImportedCredentials {
  static final String EVENT_SOURCE = "imported-credentials";
  private static final String INDEX = "vask.dev/imported-credentials-secret";

  private ImportedCredentials() {}

  static InformerEventSource<Secret, VaskApp> eventSource(EventSourceContext<VaskApp> context) {
    context.getPrimaryCache().addIndexer(INDEX, ImportedCredentials::indexKeys);
    var configuration =
        InformerEventSourceConfiguration.from(Secret.class, VaskApp.class)
            .withName(EVENT_SOURCE)
            .withPrimaryToSecondaryMapper(
                (VaskApp app) ->
                    app.getSpec().importsCredentials()
                        ? Set.of(
                            new ResourceID(
                                app.getSpec().credentials.secretRef.name,
                                app.getMetadata().getNamespace()))
                        : Set.<ResourceID>of())
            .withSecondaryToPrimaryMapper(
                secret ->
                    context.getPrimaryCache().byIndex(INDEX, key(secret)).stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return new InformerEventSource<>(configuration, context);
  }

  private static List<String> indexKeys(VaskApp app) {
    if (app.getSpec() == null || !app.getSpec().importsCredentials()) {
      return List.of();
    }
    return List.of(
        app.getMetadata().getNamespace() + "/" + app.getSpec().credentials.secretRef.name);
  }

  private static String key(Secret secret) {
    return secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName();
  }
}
