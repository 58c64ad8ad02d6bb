package io.vask.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@link AppSettings} by field name, and is how Jackson reads an app from the apps file. An
 * unset or null field takes its default, so a hand-written file may name only {@code id}, {@code
 * key} and {@code secret}. Values are not checked here: {@link AppsFileValidator} lists problems.
 */
@JsonPOJOBuilder(withPrefix = "")
@JsonIgnoreProperties(ignoreUnknown = false)
public final class AppSettingsBuilder {
  private String id;
  private String key;
  private String secret;
  private Boolean enabled;
  private Boolean clientEvents;
  private Boolean userAuthentication;
  private Boolean subscriptionCount;
  private Boolean watchlistEvents;
  private Boolean batchWebhooks;
  private Boolean eventMetadata;
  private Integer maxConnections;
  private Integer maxMessageBytes;
  private Integer clientEventsPerSecond;
  private Integer maxPresenceMembers;
  private Integer maxChannelsPerTrigger;
  private Integer maxEventsPerBatch;
  private Integer apiRequestsPerSecond;
  private List<String> allowedOrigins;
  private Integer cacheTtlSeconds;
  private Integer activityTimeoutSeconds;
  private List<WebhookSettings> webhooks;
  // What unset fields fall back to: the defaults, or the app a builder was started from.
  private AppFeatures baseFeatures = AppFeatures.DEFAULTS;
  private AppLimits baseLimits = AppLimits.DEFAULTS;
  private AppTimings baseTimings = AppTimings.DEFAULTS;

  AppSettingsBuilder() {}

  AppSettingsBuilder identity(String id, String key, String secret) {
    this.id = id;
    this.key = key;
    this.secret = secret;
    return this;
  }

  @JsonProperty("id")
  private AppSettingsBuilder id(String id) {
    this.id = id;
    return this;
  }

  @JsonProperty("key")
  private AppSettingsBuilder key(String key) {
    this.key = key;
    return this;
  }

  @JsonProperty("secret")
  private AppSettingsBuilder secret(String secret) {
    this.secret = secret;
    return this;
  }

  public AppSettingsBuilder enabled(Boolean on) {
    this.enabled = on;
    return this;
  }

  public AppSettingsBuilder clientEvents(Boolean on) {
    this.clientEvents = on;
    return this;
  }

  public AppSettingsBuilder userAuthentication(Boolean on) {
    this.userAuthentication = on;
    return this;
  }

  public AppSettingsBuilder subscriptionCount(Boolean on) {
    this.subscriptionCount = on;
    return this;
  }

  public AppSettingsBuilder watchlistEvents(Boolean on) {
    this.watchlistEvents = on;
    return this;
  }

  public AppSettingsBuilder batchWebhooks(Boolean on) {
    this.batchWebhooks = on;
    return this;
  }

  public AppSettingsBuilder eventMetadata(Boolean on) {
    this.eventMetadata = on;
    return this;
  }

  public AppSettingsBuilder maxConnections(Integer value) {
    this.maxConnections = value;
    return this;
  }

  public AppSettingsBuilder maxMessageBytes(Integer value) {
    this.maxMessageBytes = value;
    return this;
  }

  public AppSettingsBuilder clientEventsPerSecond(Integer value) {
    this.clientEventsPerSecond = value;
    return this;
  }

  public AppSettingsBuilder maxPresenceMembers(Integer value) {
    this.maxPresenceMembers = value;
    return this;
  }

  public AppSettingsBuilder maxChannelsPerTrigger(Integer value) {
    this.maxChannelsPerTrigger = value;
    return this;
  }

  public AppSettingsBuilder maxEventsPerBatch(Integer value) {
    this.maxEventsPerBatch = value;
    return this;
  }

  public AppSettingsBuilder apiRequestsPerSecond(Integer value) {
    this.apiRequestsPerSecond = value;
    return this;
  }

  public AppSettingsBuilder allowedOrigins(List<String> origins) {
    this.allowedOrigins = origins;
    return this;
  }

  public AppSettingsBuilder cacheTtlSeconds(Integer value) {
    this.cacheTtlSeconds = value;
    return this;
  }

  public AppSettingsBuilder activityTimeoutSeconds(Integer value) {
    this.activityTimeoutSeconds = value;
    return this;
  }

  public AppSettingsBuilder webhooks(List<WebhookSettings> hooks) {
    this.webhooks = hooks;
    return this;
  }

  /** The app, every unset field at its default. */
  public AppSettings build() {
    return new AppSettings(
        id, key, secret, or(enabled, true), features(), limits(), timings(), webhooks);
  }

  private AppFeatures features() {
    AppFeatures d = baseFeatures;
    return new AppFeatures(
        or(clientEvents, d.clientEvents()),
        or(userAuthentication, d.userAuthentication()),
        or(subscriptionCount, d.subscriptionCount()),
        or(watchlistEvents, d.watchlistEvents()),
        or(batchWebhooks, d.batchWebhooks()),
        or(eventMetadata, d.eventMetadata()));
  }

  private AppLimits limits() {
    AppLimits d = baseLimits;
    return new AppLimits(
        or(maxConnections, d.maxConnections()),
        or(maxMessageBytes, d.maxMessageBytes()),
        or(clientEventsPerSecond, d.clientEventsPerSecond()),
        or(maxPresenceMembers, d.maxPresenceMembers()),
        or(maxChannelsPerTrigger, d.maxChannelsPerTrigger()),
        or(maxEventsPerBatch, d.maxEventsPerBatch()),
        or(apiRequestsPerSecond, d.apiRequestsPerSecond()),
        allowedOrigins == null ? d.allowedOrigins() : allowedOrigins);
  }

  private AppTimings timings() {
    AppTimings d = baseTimings;
    return new AppTimings(
        or(cacheTtlSeconds, d.cacheTtlSeconds()),
        or(activityTimeoutSeconds, d.activityTimeoutSeconds()));
  }

  /** The apps-file fields of an app, by name; the builder's fields are the same names. */
  static Map<String, Object> flatten(AppSettings app) {
    AppFeatures f = app.features();
    AppLimits l = app.limits();
    AppTimings t = app.timings();
    Map<String, Object> json = new TreeMap<>();
    json.put("id", app.id());
    json.put("key", app.key());
    json.put("secret", app.secret());
    json.put("enabled", app.enabled());
    json.put("clientEvents", f.clientEvents());
    json.put("userAuthentication", f.userAuthentication());
    json.put("subscriptionCount", f.subscriptionCount());
    json.put("watchlistEvents", f.watchlistEvents());
    json.put("batchWebhooks", f.batchWebhooks());
    json.put("eventMetadata", f.eventMetadata());
    json.put("maxConnections", l.maxConnections());
    json.put("maxMessageBytes", l.maxMessageBytes());
    json.put("clientEventsPerSecond", l.clientEventsPerSecond());
    json.put("maxPresenceMembers", l.maxPresenceMembers());
    json.put("maxChannelsPerTrigger", l.maxChannelsPerTrigger());
    json.put("maxEventsPerBatch", l.maxEventsPerBatch());
    // fields added later are written only when set, so files rendered before stay byte-identical
    if (l.apiRequestsPerSecond() != AppLimits.DEFAULT_API_REQUESTS_PER_SECOND) {
      json.put("apiRequestsPerSecond", l.apiRequestsPerSecond());
    }
    if (!l.allowedOrigins().isEmpty()) {
      json.put("allowedOrigins", l.allowedOrigins());
    }
    json.put("cacheTtlSeconds", t.cacheTtlSeconds());
    json.put("activityTimeoutSeconds", t.activityTimeoutSeconds());
    json.put("webhooks", app.webhooks());
    return json;
  }

  /** A builder holding every field of an app. */
  static AppSettingsBuilder from(AppSettings app) {
    AppSettingsBuilder b = new AppSettingsBuilder().identity(app.id(), app.key(), app.secret());
    b.enabled = app.enabled();
    b.baseFeatures = app.features();
    b.baseLimits = app.limits();
    b.baseTimings = app.timings();
    b.webhooks = app.webhooks();
    return b;
  }

  private static boolean or(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
