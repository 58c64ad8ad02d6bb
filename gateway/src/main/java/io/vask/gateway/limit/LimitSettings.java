package io.vask.gateway.limit;

import static io.vask.contract.settings.SettingType.integer;

import io.vask.contract.settings.Setting;
import io.vask.contract.settings.SettingType;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The gateway-wide limits and timeouts (docs/security.md): their {@code VASK_*} declarations, which
 * {@code GatewaySettings} lists in its catalog, and the values it hands the gateway.
 *
 * @param handshakeTimeoutMillis a new connection's first complete request (upgrade or API call)
 * @param httpIdleTimeoutMillis the next request on a keep-alive HTTP connection
 * @param maxConnections WebSocket connections this pod holds
 * @param connectionsPerAddress per client address; 0 for no limit
 * @param newConnectionsPerAddressPerSecond per client address; 0 for no limit
 * @param maxTrackedAddresses client addresses tracked at once (memory bound)
 * @param trustedProxies peers whose {@code X-Forwarded-For} is believed
 * @param perSocket subscribe/unsubscribe and sign-in messages per socket per second
 */
public record LimitSettings(
    long handshakeTimeoutMillis,
    long httpIdleTimeoutMillis,
    int maxConnections,
    int connectionsPerAddress,
    int newConnectionsPerAddressPerSecond,
    int maxTrackedAddresses,
    List<CidrBlock> trustedProxies,
    MessageRates perSocket) {

  /** Messages one socket may send per second before 4301. */
  public record MessageRates(int subscribesPerSecond, int signinsPerSecond) {}

  public static final Setting<Integer> HANDSHAKE_TIMEOUT_MS =
      Setting.of(
          "VASK_HANDSHAKE_TIMEOUT_MS",
          integer(100, 600_000),
          10_000,
          "a new connection's first complete request (WebSocket upgrade or API call) must arrive"
              + " within this time of the accept, however slowly it trickles in; else it is closed");
  public static final Setting<Integer> HTTP_IDLE_TIMEOUT_MS =
      Setting.of(
          "VASK_HTTP_IDLE_TIMEOUT_MS",
          integer(100, 3_600_000),
          30_000,
          "a keep-alive HTTP connection is closed when its next request has not arrived by then");
  public static final Setting<Integer> MAX_CONNECTIONS =
      Setting.of(
              "VASK_MAX_CONNECTIONS",
              integer(0, Integer.MAX_VALUE),
              0,
              "WebSocket connections this gateway holds; past it new ones are closed with 4100 and"
                  + " `/ready` answers 503; `0`: the descriptor limit less a tenth (at least 512)"
                  + " kept for NATS, webhooks and the metrics port")
          .defaultShownAs("`0` (descriptor limit − reserve)");
  public static final Setting<Integer> MAX_CONNECTIONS_PER_IP =
      Setting.of(
          "VASK_MAX_CONNECTIONS_PER_IP",
          integer(0, Integer.MAX_VALUE),
          1000,
          "open WebSocket connections per client address on this gateway (4100 past it); `0`: no"
              + " limit");
  public static final Setting<Integer> NEW_CONNECTIONS_PER_IP_PER_SECOND =
      Setting.of(
          "VASK_NEW_CONNECTIONS_PER_IP_PER_SECOND",
          integer(0, Integer.MAX_VALUE),
          100,
          "new WebSocket connections per client address per second on this gateway (4100 past"
              + " it); `0`: no limit");
  public static final Setting<Integer> MAX_TRACKED_IPS =
      Setting.of(
          "VASK_MAX_TRACKED_IPS",
          integer(1000, 10_000_000),
          100_000,
          "client addresses tracked at once for the per-address limits (a memory bound); a new"
              + " address past it is refused with 4100 until idle ones expire");
  public static final Setting<List<CidrBlock>> TRUSTED_PROXIES =
      new Setting<>(
          "VASK_TRUSTED_PROXIES",
          SettingType.of(
              LimitSettings::proxies,
              "IP addresses and CIDR blocks, comma-separated," + " or `none`"),
          ClientAddresses.parseList(ClientAddresses.PRIVATE_RANGES),
          "`" + ClientAddresses.PRIVATE_RANGES + "`",
          "peers whose `X-Forwarded-For` names the client (load balancers, ingress); from any"
              + " other peer the header is ignored");
  public static final Setting<Integer> SUBSCRIBES_PER_SECOND =
      Setting.of(
          "VASK_SUBSCRIBES_PER_SECOND",
          integer(1, 100_000),
          100,
          "subscribe and unsubscribe messages per socket per second; past it `pusher:error` 4301"
              + " and the message is dropped");
  public static final Setting<Integer> SIGNINS_PER_SECOND =
      Setting.of(
          "VASK_SIGNINS_PER_SECOND",
          integer(1, 10_000),
          10,
          "sign-in messages per socket per second; past it `pusher:error` 4301");

  /** Every limit setting, in the order docs/configuration.md lists them. */
  public static final List<Setting<?>> ALL =
      List.of(
          HANDSHAKE_TIMEOUT_MS,
          HTTP_IDLE_TIMEOUT_MS,
          MAX_CONNECTIONS,
          MAX_CONNECTIONS_PER_IP,
          NEW_CONNECTIONS_PER_IP_PER_SECOND,
          MAX_TRACKED_IPS,
          TRUSTED_PROXIES,
          SUBSCRIBES_PER_SECOND,
          SIGNINS_PER_SECOND);

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
    if (maxConnections <= 0) {
      maxConnections = defaultMaxConnections();
    }
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
        new MessageRates(DEFAULT_SUBSCRIBES_PER_SECOND, DEFAULT_SIGNINS_PER_SECOND));
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

  private static List<CidrBlock> proxies(String raw) {
    if (raw.equalsIgnoreCase("none")) {
      return List.of();
    }
    try {
      return ClientAddresses.parseList(raw);
    } catch (IllegalArgumentException e) {
      throw SettingType.InvalidValue.expected(raw, "IP addresses and CIDR blocks, comma-separated");
    }
  }

  public int subscribesPerSecond() {
    return perSocket.subscribesPerSecond();
  }

  public int signinsPerSecond() {
    return perSocket.signinsPerSecond();
  }

  public ConnectionLimits.Settings connections() {
    return new ConnectionLimits.Settings(
        maxConnections,
        connectionsPerAddress,
        newConnectionsPerAddressPerSecond,
        maxTrackedAddresses);
  }
}
