package io.vask.contract;

/**
 * Per-app durations.
 *
 * @param cacheTtlSeconds how long a cache channel keeps its last event
 * @param activityTimeoutSeconds sent in {@code connection_established}; silence this long triggers
 *     a liveness ping
 */
public record AppTimings(int cacheTtlSeconds, int activityTimeoutSeconds) {
  public static final int DEFAULT_CACHE_TTL_SECONDS = 1800;
  public static final int DEFAULT_ACTIVITY_TIMEOUT_SECONDS = 120;

  public static final AppTimings DEFAULTS =
      new AppTimings(DEFAULT_CACHE_TTL_SECONDS, DEFAULT_ACTIVITY_TIMEOUT_SECONDS);
}
