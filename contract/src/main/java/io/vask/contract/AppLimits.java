package io.vask.contract;

/**
 * Per-app limits.
 *
 * @param maxConnections sockets per app, cluster-wide; 0 means unlimited
 */
public record AppLimits(
    int maxConnections,
    int maxMessageBytes,
    int clientEventsPerSecond,
    int maxPresenceMembers,
    int maxChannelsPerTrigger,
    int maxEventsPerBatch) {

  public static final int DEFAULT_MAX_MESSAGE_BYTES = 65_536;
  public static final int DEFAULT_CLIENT_EVENTS_PER_SECOND = 10;
  public static final int DEFAULT_MAX_PRESENCE_MEMBERS = 100;
  public static final int DEFAULT_MAX_CHANNELS_PER_TRIGGER = 100;
  public static final int DEFAULT_MAX_EVENTS_PER_BATCH = 10;

  public static final AppLimits DEFAULTS =
      new AppLimits(
          0,
          DEFAULT_MAX_MESSAGE_BYTES,
          DEFAULT_CLIENT_EVENTS_PER_SECOND,
          DEFAULT_MAX_PRESENCE_MEMBERS,
          DEFAULT_MAX_CHANNELS_PER_TRIGGER,
          DEFAULT_MAX_EVENTS_PER_BATCH);
}
