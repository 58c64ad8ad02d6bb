package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Pusher app features; each is off unless set to true, as in a new Pusher app (watchlist events are
 * on). All of them reach running pods through the hot-reloaded apps file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FeaturesSpec {
  @JsonPropertyDescription("Allow client-* events on private and presence channels.")
  public Boolean clientEvents;

  @JsonPropertyDescription(
      "Authorized connections: sockets that do not sign in within 30 s are closed (4009).")
  public Boolean userAuthentication;

  @JsonPropertyDescription("Send pusher:subscription_count events to subscribers.")
  public Boolean subscriptionCount;

  @JsonPropertyDescription(
      "Send watchlist online/offline events to signed-in users (default true; needs"
          + " userAuthentication).")
  public Boolean watchlistEvents;

  @JsonPropertyDescription(
      "Send several webhook events per request instead of one request per event (default false).")
  public Boolean batchWebhooks;
}
