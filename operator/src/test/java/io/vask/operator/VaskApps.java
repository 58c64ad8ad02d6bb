package io.vask.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vask.operator.model.LimitsSpec;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppSpec;
import java.util.function.Consumer;

/** VaskApps for tests. */
public final class VaskApps {
  private static final int HTTP_CONFLICT = 409;

  private VaskApps() {}

  public static VaskApp named(String name, String namespace) {
    var app = new VaskApp();
    app.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    app.setSpec(new VaskAppSpec());
    return app;
  }

  /**
   * Edits the spec of a VaskApp in the client's namespace, as kubectl edit would: read, change,
   * write with the read version, and again on a conflict (the operator writes status meanwhile).
   */
  public static void update(KubernetesClient client, String name, Consumer<VaskApp> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        client
            .resources(VaskApp.class)
            .withName(name)
            .edit(
                app -> {
                  change.accept(app);
                  return app;
                });
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HTTP_CONFLICT || attempt == 5) {
          throw e;
        }
      }
    }
  }

  public static LimitsSpec limits(int maxConnections) {
    var limits = new LimitsSpec();
    limits.maxConnections = maxConnections;
    return limits;
  }
}
