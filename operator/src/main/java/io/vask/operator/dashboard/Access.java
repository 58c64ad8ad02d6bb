package io.vask.operator.dashboard;

/**
 * One action a dashboard user asks for, as a SubjectAccessReview's resource attributes: what they
 * could do with kubectl in that namespace.
 *
 * @param namespace empty for a cluster-wide request
 * @param name empty for every object of the resource
 */
public record Access(String verb, String group, String resource, String namespace, String name) {
  public static final String VASK_GROUP = "vask.dev";

  public static Access onApps(String verb, String namespace) {
    return new Access(verb, VASK_GROUP, "vaskapps", namespace, "");
  }

  public static Access onApp(String verb, String namespace, String name) {
    return new Access(verb, VASK_GROUP, "vaskapps", namespace, name);
  }

  public static Access onSecret(String verb, String namespace, String name) {
    return new Access(verb, "", "secrets", namespace, name);
  }

  @Override
  public String toString() {
    String where = namespace.isEmpty() ? "all namespaces" : "namespace " + namespace;
    String what = group.isEmpty() ? resource : resource + "." + group;
    return verb + " " + what + (name.isEmpty() ? "" : " " + name) + " in " + where;
  }
}
