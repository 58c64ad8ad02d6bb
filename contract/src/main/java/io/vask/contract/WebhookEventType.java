package io.vask.contract;

import java.util.Arrays;
import java.util.Optional;

/** The seven webhook event types Pusher sends, by their wire names. */
public enum WebhookEventType {
  CHANNEL_OCCUPIED("channel_occupied"),
  CHANNEL_VACATED("channel_vacated"),
  MEMBER_ADDED("member_added"),
  MEMBER_REMOVED("member_removed"),
  CLIENT_EVENT("client_event"),
  CACHE_MISS("cache_miss"),
  SUBSCRIPTION_COUNT("subscription_count");

  private final String wireName;

  WebhookEventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<WebhookEventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
