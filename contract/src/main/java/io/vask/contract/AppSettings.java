package io.vask.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One Pusher app as the gateway serves it. Every optional field has its default applied here, so a
 * hand-written file may name only {@code id}, {@code key} and {@code secret}.
 *
 * <p>{@code maxConnections} of 0 means unlimited.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record AppSettings(
    String id,
    String key,
    String secret,
    Boolean enabled,
    Boolean clientEvents,
    Boolean userAuthentication,
    Boolean subscriptionCount,
    Boolean watchlistEvents,
    Integer maxConnections,
    Integer maxMessageBytes,
    Integer clientEventsPerSecond,
    Integer maxPresenceMembers,
    Integer maxChannelsPerTrigger,
    Integer maxEventsPerBatch,
    Integer cacheTtlSeconds,
    Integer activityTimeoutSeconds,
    Boolean batchWebhooks,
    List<WebhookSettings> webhooks) {

  public static final int DEFAULT_MAX_MESSAGE_BYTES = 65_536;
  public static final int DEFAULT_CLIENT_EVENTS_PER_SECOND = 10;
  public static final int DEFAULT_MAX_PRESENCE_MEMBERS = 100;
  public static final int DEFAULT_MAX_CHANNELS_PER_TRIGGER = 100;
  public static final int DEFAULT_MAX_EVENTS_PER_BATCH = 10;
  public static final int DEFAULT_CACHE_TTL_SECONDS = 1800;
  public static final int DEFAULT_ACTIVITY_TIMEOUT_SECONDS = 120;

  public AppSettings {
    enabled = enabled == null || enabled;
    clientEvents = clientEvents != null && clientEvents;
    userAuthentication = userAuthentication != null && userAuthentication;
    subscriptionCount = subscriptionCount != null && subscriptionCount;
    watchlistEvents = watchlistEvents == null || watchlistEvents;
    maxConnections = orDefault(maxConnections, 0);
    maxMessageBytes = orDefault(maxMessageBytes, DEFAULT_MAX_MESSAGE_BYTES);
    clientEventsPerSecond = orDefault(clientEventsPerSecond, DEFAULT_CLIENT_EVENTS_PER_SECOND);
    maxPresenceMembers = orDefault(maxPresenceMembers, DEFAULT_MAX_PRESENCE_MEMBERS);
    maxChannelsPerTrigger = orDefault(maxChannelsPerTrigger, DEFAULT_MAX_CHANNELS_PER_TRIGGER);
    maxEventsPerBatch = orDefault(maxEventsPerBatch, DEFAULT_MAX_EVENTS_PER_BATCH);
    cacheTtlSeconds = orDefault(cacheTtlSeconds, DEFAULT_CACHE_TTL_SECONDS);
    activityTimeoutSeconds = orDefault(activityTimeoutSeconds, DEFAULT_ACTIVITY_TIMEOUT_SECONDS);
    batchWebhooks = batchWebhooks != null && batchWebhooks;
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
  }

  /** An app with every setting at its default. */
  public static AppSettings of(String id, String key, String secret) {
    return new AppSettings(
        id, key, secret, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  public AppSettings withClientEvents(boolean on) {
    return new AppSettings(
        id,
        key,
        secret,
        enabled,
        on,
        userAuthentication,
        subscriptionCount,
        watchlistEvents,
        maxConnections,
        maxMessageBytes,
        clientEventsPerSecond,
        maxPresenceMembers,
        maxChannelsPerTrigger,
        maxEventsPerBatch,
        cacheTtlSeconds,
        activityTimeoutSeconds,
        batchWebhooks,
        webhooks);
  }

  private static Integer orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
