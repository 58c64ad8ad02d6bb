package io.vask.operator.plan;

import io.vask.operator.model.VaskApp;

/** Names of the objects that belong to one VaskApp; all derive from its name. */
public final class Names {
  private Names() {}

  public static String credentialsSecret(VaskApp app) {
    return app.getMetadata().getName() + "-credentials";
  }

  public static String appsFileSecret(VaskApp app) {
    return app.getMetadata().getName() + "-apps";
  }

  /** Deployment, Service, HPA, PDB and Ingress share this name. */
  public static String gateway(VaskApp app) {
    return app.getMetadata().getName() + "-gateway";
  }
}
