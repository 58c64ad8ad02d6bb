package io.vask.gateway.cluster;

/**
 * One frame for every subscriber of a channel, cluster-wide, except the socket {@code
 * excludeSocketId} (may be null). {@code frame} is the final UTF-8 wire text, encoded once by the
 * publisher; nodes never re-encode it.
 */
public record ChannelEvent(String appId, String channel, byte[] frame, String excludeSocketId) {}
