package io.vask.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppSpec;

/** VaskApps for tests. */
public final class VaskApps {
  private VaskApps() {}

  public static VaskApp named(String name, String namespace) {
    var app = new VaskApp();
    app.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    app.setSpec(new VaskAppSpec());
    return app;
  }
}
