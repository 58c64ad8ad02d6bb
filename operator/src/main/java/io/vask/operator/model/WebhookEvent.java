package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The seven Pusher webhook event types, by their wire names. Mirrors the contract's {@code
 * WebhookEventType}; the CRD needs its own enum so the generated schema lists the names.
 */
public enum WebhookEvent {
  @JsonProperty("channel_occupied")
  CHANNEL_OCCUPIED,
  @JsonProperty("channel_vacated")
  CHANNEL_VACATED,
  @JsonProperty("member_added")
  MEMBER_ADDED,
  @JsonProperty("member_removed")
  MEMBER_REMOVED,
  @JsonProperty("client_event")
  CLIENT_EVENT,
  @JsonProperty("cache_miss")
  CACHE_MISS,
  @JsonProperty("subscription_count")
  SUBSCRIPTION_COUNT
}
