package io.vask.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vask.operator.model.LimitsSpec;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppSpec;
import java.util.function.Consumer;

/** VaskApps for tests. */
public final class VaskApps {
  private VaskApps() {}

  public static VaskApp named(String name, String namespace) {
    var app = new VaskApp();
    app.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    app.setSpec(new VaskAppSpec());
    return app;
  }

  /** Edits the spec of a VaskApp in the client's namespace, as kubectl edit would. */
  public static void update(KubernetesClient client, String name, Consumer<VaskApp> change) {
    client
        .resources(VaskApp.class)
        .withName(name)
        .edit(
            app -> {
              change.accept(app);
              return app;
            });
  }

  public static LimitsSpec limits(int maxConnections) {
    var limits = new LimitsSpec();
    limits.maxConnections = maxConnections;
    return limits;
  }
}
