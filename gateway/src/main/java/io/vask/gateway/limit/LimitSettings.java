package io.vask.gateway.limit;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The gateway-wide limits and timeouts (docs/security.md), read from the gateway's settings.
 *
 * @param handshakeTimeoutMillis a new connection's first complete request (upgrade or API call)
 * @param httpIdleTimeoutMillis the next request on a keep-alive HTTP connection
 * @param maxConnections WebSocket connections this pod holds
 * @param connectionsPerAddress per client address; 0 for no limit
 * @param newConnectionsPerAddressPerSecond per client address; 0 for no limit
 * @param maxTrackedAddresses client addresses tracked at once (memory bound)
 * @param trustedProxies peers whose {@code X-Forwarded-For} is believed
 * @param subscribesPerSecond subscribe and unsubscribe messages per socket
 * @param signinsPerSecond sign-in messages per socket
 */
public record LimitSettings(
    long handshakeTimeoutMillis,
    long httpIdleTimeoutMillis,
    int maxConnections,
    int connectionsPerAddress,
    int newConnectionsPerAddressPerSecond,
    int maxTrackedAddresses,
    List<CidrBlock> trustedProxies,
    int subscribesPerSecond,
    int signinsPerSecond) {

  public static final long DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 10_000;
  public static final long DEFAULT_HTTP_IDLE_TIMEOUT_MILLIS = 30_000;
  public static final int DEFAULT_CONNECTIONS_PER_ADDRESS = 1000;
  public static final int DEFAULT_NEW_CONNECTIONS_PER_ADDRESS_PER_SECOND = 100;
  public static final int DEFAULT_MAX_TRACKED_ADDRESSES = 100_000;
  public static final int DEFAULT_SUBSCRIBES_PER_SECOND = 100;
  public static final int DEFAULT_SIGNINS_PER_SECOND = 10;

  /** Descriptors kept back from sockets for NATS, webhooks, the apps file and the JVM. */
  public static final int DESCRIPTOR_RESERVE = 512;

  public LimitSettings {
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** Every limit at its default. */
  public static LimitSettings defaults() {
    return new LimitSettings(
        DEFAULT_HANDSHAKE_TIMEOUT_MILLIS,
        DEFAULT_HTTP_IDLE_TIMEOUT_MILLIS,
        defaultMaxConnections(),
        DEFAULT_CONNECTIONS_PER_ADDRESS,
        DEFAULT_NEW_CONNECTIONS_PER_ADDRESS_PER_SECOND,
        DEFAULT_MAX_TRACKED_ADDRESSES,
        ClientAddresses.parseList(ClientAddresses.PRIVATE_RANGES),
        DEFAULT_SUBSCRIBES_PER_SECOND,
        DEFAULT_SIGNINS_PER_SECOND);
  }

  /**
   * The process's descriptor limit less a reserve (a tenth, at least {@link #DESCRIPTOR_RESERVE}),
   * so a full pod still has descriptors for NATS, webhooks and the metrics port.
   */
  public static int defaultMaxConnections() {
    long descriptors = 65_536;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      descriptors = unix.getMaxFileDescriptorCount();
    }
    long reserve = Math.max(DESCRIPTOR_RESERVE, descriptors / 10);
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, descriptors - reserve));
  }

  public ConnectionLimits.Settings connections() {
    return new ConnectionLimits.Settings(
        maxConnections,
        connectionsPerAddress,
        newConnectionsPerAddressPerSecond,
        maxTrackedAddresses);
  }
}
