package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What the user asks for. Omitted sections take the defaults described on each field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VaskAppSpec {

  @JsonPropertyDescription(
      "Pusher credentials. Omit to let the operator generate them once into Secret"
          + " <name>-credentials; set secretRef to bring existing Pusher credentials.")
  public CredentialsSpec credentials;

  @JsonPropertyDescription(
      "false turns the app off: the gateway refuses its connections and API calls (default"
          + " true). Hot-reloaded, like features, limits, timings and webhooks.")
  public Boolean enabled;

  @JsonPropertyDescription("Pusher features of this app.")
  public FeaturesSpec features;

  @JsonPropertyDescription("Per-app limits; omitted values take the gateway's defaults.")
  public LimitsSpec limits;

  @JsonPropertyDescription("Per-app timings; omitted values take the gateway's defaults.")
  public TimingsSpec timings;

  @JsonPropertyDescription("Webhook targets; each receives the event types it lists.")
  public List<WebhookSpec> webhooks = new ArrayList<>();

  @JsonPropertyDescription(
      "Either a fixed replica count or autoscaling bounds and targets. Omit for one replica.")
  public ScalingSpec scaling;

  @JsonPropertyDescription(
      "NATS used to cluster the gateway pods; omit to use the operator's default (if any).")
  public NatsSpec nats;

  @JsonPropertyDescription("Gateway container settings.")
  public GatewaySpec gateway;

  @JsonPropertyDescription("Expose the gateway through an Ingress on this host.")
  public IngressSpec ingress;

  @JsonPropertyDescription("Type and annotations of the gateway Service.")
  public ServiceSpec service;

  @JsonPropertyDescription(
      "Expose the gateway through a Gateway API HTTPRoute (when the cluster has that CRD).")
  public HttpRouteSpec httpRoute;

  @JsonPropertyDescription(
      "Prometheus Operator monitoring of the gateway pods (when the cluster has its CRDs).")
  public MonitoringSpec monitoring;

  public boolean importsCredentials() {
    return credentials != null && credentials.secretRef != null;
  }

  public boolean monitored() {
    return monitoring != null && monitoring.podMonitorRequested();
  }

  public boolean autoscales() {
    return scaling != null && scaling.autoscales();
  }
}
