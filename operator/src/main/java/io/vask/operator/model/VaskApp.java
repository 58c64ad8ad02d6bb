package io.vask.operator.model;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One Pusher app served by its own fleet of gateway pods. */
@Group(VaskApp.GROUP)
@Version(VaskApp.VERSION)
@ShortNames("vapp")
@Categories("vask")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Replicas",
    jsonPath = ".status.readyReplicas",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Endpoint",
    jsonPath = ".status.endpoints.websocket",
    type = AdditionalPrinterColumn.Type.STRING)
// Wide columns (kubectl get -o wide).
@AdditionalPrinterColumn(
    name = "App ID",
    jsonPath = ".status.appId",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Max Connections",
    jsonPath = ".spec.limits.maxConnections",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
// Child names add up to 9 characters ("-gateway"), and Service names are DNS labels (63).
@ValidationRule(
    value = "self.metadata.name.size() <= " + VaskApp.MAX_NAME_LENGTH,
    message = "metadata.name must be at most 54 characters (child objects add a suffix)")
public class VaskApp extends CustomResource<VaskAppSpec, VaskAppStatus> implements Namespaced {
  public static final String GROUP = "vask.dev";
  public static final String VERSION = "v1alpha1";
  public static final int MAX_NAME_LENGTH = 54;

  @Override
  protected VaskAppSpec initSpec() {
    return new VaskAppSpec();
  }
}
