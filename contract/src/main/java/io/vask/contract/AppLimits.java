package io.vask.contract;

import java.util.List;

/**
 * Per-app limits.
 *
 * @param maxConnections sockets per app, cluster-wide; 0 means unlimited
 * @param apiRequestsPerSecond HTTP API requests per second on each gateway (429 past it); 0 means
 *     unlimited
 * @param allowedOrigins the {@code Origin}s a socket may come from, exact or {@code *.example.com};
 *     empty allows any
 */
public record AppLimits(
    int maxConnections,
    int maxMessageBytes,
    int clientEventsPerSecond,
    int maxPresenceMembers,
    int maxChannelsPerTrigger,
    int maxEventsPerBatch,
    int apiRequestsPerSecond,
    List<String> allowedOrigins) {

  public static final int DEFAULT_MAX_MESSAGE_BYTES = 65_536;
  public static final int DEFAULT_CLIENT_EVENTS_PER_SECOND = 10;
  public static final int DEFAULT_MAX_PRESENCE_MEMBERS = 100;
  public static final int DEFAULT_MAX_CHANNELS_PER_TRIGGER = 100;
  public static final int DEFAULT_MAX_EVENTS_PER_BATCH = 10;
  public static final int DEFAULT_API_REQUESTS_PER_SECOND = 1000;

  public AppLimits {
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }

  public static final AppLimits DEFAULTS =
      new AppLimits(
          0,
          DEFAULT_MAX_MESSAGE_BYTES,
          DEFAULT_CLIENT_EVENTS_PER_SECOND,
          DEFAULT_MAX_PRESENCE_MEMBERS,
          DEFAULT_MAX_CHANNELS_PER_TRIGGER,
          DEFAULT_MAX_EVENTS_PER_BATCH,
          DEFAULT_API_REQUESTS_PER_SECOND,
          List.of());
}
