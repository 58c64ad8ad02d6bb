package io.vask.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Pusher app as the gateway serves it, grouped by concern. The apps file keeps every field flat
 * ({@code "clientEvents"}, {@code "maxConnections"}, …): Jackson reads it through {@link
 * AppSettingsBuilder}, which applies the defaults, and writes it through {@link #json()}.
 */
@JsonDeserialize(builder = AppSettingsBuilder.class)
public record AppSettings(
    String id,
    String key,
    String secret,
    boolean enabled,
    AppFeatures features,
    AppLimits limits,
    AppTimings timings,
    List<WebhookSettings> webhooks) {

  public AppSettings {
    Objects.requireNonNull(features);
    Objects.requireNonNull(limits);
    Objects.requireNonNull(timings);
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
  }

  /** Starts an app with every optional setting at its default. */
  public static AppSettingsBuilder builder(String id, String key, String secret) {
    return new AppSettingsBuilder().identity(id, key, secret);
  }

  /** An app with every setting at its default. */
  public static AppSettings of(String id, String key, String secret) {
    return builder(id, key, secret).build();
  }

  /** A builder holding this app's settings, to change a few. */
  public AppSettingsBuilder toBuilder() {
    return AppSettingsBuilder.from(this);
  }

  /** The flat apps-file object; keys sorted, so rendering stays deterministic. */
  @JsonValue
  Map<String, Object> json() {
    return AppSettingsBuilder.flatten(this);
  }
}
