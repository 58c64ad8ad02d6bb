package io.vask.operator.plan;

import io.vask.operator.model.VaskApp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels on every child object. Informers of the dependents select on {@link #MANAGED} plus
 * their {@link #COMPONENT}, so each sees only its own kind of child.
 */
public final class Labels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String COMPONENT = "vask.dev/component";

  public static final String GATEWAY_NAME = "vask-gateway";
  public static final String OPERATOR_NAME = "vask-operator";
  public static final String MANAGED = MANAGED_BY + "=" + OPERATOR_NAME;

  public static final String CREDENTIALS_COMPONENT = "credentials";
  public static final String APPS_FILE_COMPONENT = "apps-file";
  public static final String GATEWAY_COMPONENT = "gateway";

  private Labels() {}

  /** Selects the gateway pods of one app; stable for the Deployment's lifetime. */
  public static Map<String, String> selector(VaskApp app) {
    var labels = new LinkedHashMap<String, String>();
    labels.put(NAME, GATEWAY_NAME);
    labels.put(INSTANCE, app.getMetadata().getName());
    return labels;
  }

  public static Map<String, String> of(VaskApp app, String component) {
    var labels = selector(app);
    labels.put(MANAGED_BY, OPERATOR_NAME);
    labels.put(COMPONENT, component);
    return labels;
  }
}
