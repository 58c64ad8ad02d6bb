package io.vask.gateway;

import static io.vask.contract.settings.SettingType.integer;
import static io.vask.contract.settings.SettingType.oneOf;
import static io.vask.contract.settings.SettingType.readableFile;
import static io.vask.contract.settings.SettingType.text;

import io.vask.contract.settings.InvalidSettings;
import io.vask.contract.settings.Setting;
import io.vask.contract.settings.SettingCatalog;
import io.vask.contract.settings.SettingType;
import io.vask.contract.settings.SettingValues;
import io.vask.gateway.cluster.ClusterBounds;
import io.vask.gateway.limit.LimitSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The gateway's settings from {@code VASK_*} environment variables. Each setting is declared once
 * below; parsing, the unknown-name check, defaults and the table in docs/configuration.md come from
 * {@link #CATALOG}. {@link #fromEnvironment} lists every problem at once, so a typo never silently
 * falls back to a default.
 */
public final class GatewaySettings {
  private static final int CPUS = Runtime.getRuntime().availableProcessors();

  public static final Setting<String> HOST =
      Setting.of("VASK_HOST", text(), "0.0.0.0", "address both ports bind to");
  public static final Setting<Integer> PORT =
      Setting.of(
          "VASK_PORT",
          SettingType.port(),
          6001,
          "WebSocket (`/app/{key}`) and HTTP API (`/apps/{id}/...`)");
  public static final Setting<Integer> METRICS_PORT =
      Setting.of(
          "VASK_METRICS_PORT",
          SettingType.port(),
          9601,
          "`/metrics` (Prometheus), `/healthz` (liveness), `/ready` (readiness)");
  public static final Setting<Path> APPS_FILE =
      Setting.of(
          "VASK_APPS_FILE",
          readableFile(),
          null,
          "path of the apps file; re-read when its content changes (hot reload, no socket dropped)");
  public static final Setting<String> APP_ID =
      Setting.of(
          "VASK_APP_ID",
          text(),
          null,
          "one app without a file: set with `VASK_APP_KEY` and `VASK_APP_SECRET`, not with"
              + " `VASK_APPS_FILE`; every other app setting at its default");
  public static final Setting<String> APP_KEY =
      Setting.of("VASK_APP_KEY", text(), null, "the key of the app of `VASK_APP_ID`");
  public static final Setting<String> APP_SECRET =
      Setting.of("VASK_APP_SECRET", text(), null, "the secret of the app of `VASK_APP_ID`");
  public static final Setting<String> NATS_URL =
      Setting.of(
              "VASK_NATS_URL",
              SettingType.natsUrls(),
              null,
              "NATS server URL(s); gateways sharing it form one cluster ([clustering](clustering.md));"
                  + " the gateway exits at start if NATS cannot be reached, and rides out later"
                  + " outages")
          .defaultShownAs("unset: single node");
  public static final Setting<String> NATS_USER =
      Setting.of("VASK_NATS_USER", text(), null, "NATS user name (with `VASK_NATS_PASSWORD_FILE`)");
  public static final Setting<Path> NATS_PASSWORD_FILE =
      Setting.of(
          "VASK_NATS_PASSWORD_FILE",
          readableFile(),
          null,
          "file holding the NATS user's password (a mounted Secret; never in the environment)");
  public static final Setting<Path> NATS_TOKEN_FILE =
      Setting.of("VASK_NATS_TOKEN_FILE", readableFile(), null, "file holding a NATS token");
  public static final Setting<Path> NATS_NKEY_FILE =
      Setting.of(
          "VASK_NATS_NKEY_FILE",
          readableFile(),
          null,
          "file holding a NATS user NKey seed (`SU…`)");
  public static final Setting<Path> NATS_CREDS_FILE =
      Setting.of(
          "VASK_NATS_CREDS_FILE",
          readableFile(),
          null,
          "NATS `.creds` file (user JWT and NKey seed, decentralized auth)");
  public static final Setting<Path> NATS_TLS_CA =
      Setting.of(
              "VASK_NATS_TLS_CA",
              readableFile(),
              null,
              "PEM CA that signed the NATS server's certificate; set to use TLS with NATS")
          .defaultShownAs("unset: the JDK's trust store when the server asks for TLS");
  public static final Setting<Path> NATS_TLS_CERT =
      Setting.of(
          "VASK_NATS_TLS_CERT",
          readableFile(),
          null,
          "PEM client certificate for NATS servers that verify clients (with `VASK_NATS_TLS_KEY`)");
  public static final Setting<Path> NATS_TLS_KEY =
      Setting.of(
          "VASK_NATS_TLS_KEY", readableFile(), null, "PKCS#8 PEM key of `VASK_NATS_TLS_CERT`");
  public static final Setting<String> NODE_ID =
      Setting.of(
              "VASK_NODE_ID",
              text(),
              null,
              "this node's name in the cluster (the operator sets the pod name)")
          .defaultShownAs("random");
  public static final Setting<Integer> DRAIN_SECONDS =
      Setting.of(
          "VASK_DRAIN_SECONDS",
          integer(0, 3600),
          10,
          "on SIGTERM: readiness off, then sockets closed with 4200 in batches over this window");
  public static final Setting<Path> TLS_CERT =
      Setting.of(
          "VASK_TLS_CERT",
          readableFile(),
          null,
          "PEM certificate chain (with `VASK_TLS_KEY`): serve `wss://` and `https://` on `VASK_PORT`");
  public static final Setting<Path> TLS_KEY =
      Setting.of("VASK_TLS_KEY", readableFile(), null, "PKCS#8 PEM key of `VASK_TLS_CERT`");
  public static final Setting<String> LOG_FORMAT =
      Setting.of(
          "VASK_LOG_FORMAT",
          oneOf(List.of("text", "json"), false),
          "text",
          "`json` for one JSON object per log line (containers)");
  public static final Setting<String> LOG_LEVEL =
      Setting.of(
          "VASK_LOG_LEVEL",
          oneOf(List.of("trace", "debug", "info", "warn", "error"), true),
          "info",
          "level of the gateway's log (any case); Netty and NATS client logs stay at `warn`");
  public static final Setting<Integer> IO_THREADS =
      Setting.of("VASK_IO_THREADS", integer(1, 1024), CPUS, "Netty event loops")
          .defaultShownAs("CPU count");
  public static final Setting<Integer> MAX_PENDING_BYTES =
      Setting.of(
          "VASK_MAX_PENDING_BYTES",
          integer(65_536, Integer.MAX_VALUE),
          1 << 20,
          "per socket: bytes queued for a client that isn't reading; past it the queued frames are"
              + " dropped and the socket closed with 4100 (the close frame reaches the client when"
              + " it reads again; behind TLS the socket is just dropped)");
  public static final Setting<Integer> SLOW_CONSUMER_GRACE_MS =
      Setting.of(
          "VASK_SLOW_CONSUMER_GRACE_MS",
          integer(10, 600_000),
          10_000,
          "a socket that stays unwritable this long is closed the same way; also how long its close"
              + " frame waits for it to read");
  public static final Setting<Integer> PONG_TIMEOUT_SECONDS =
      Setting.of(
          "VASK_PONG_TIMEOUT_SECONDS",
          integer(1, 600),
          30,
          "after a liveness ping, how long to wait for any frame before closing with 4201");
  public static final Setting<Integer> MAX_BODY_BYTES =
      Setting.of(
          "VASK_MAX_BODY_BYTES",
          integer(1024, 64 << 20),
          1 << 20,
          "HTTP API request body cap (413 above)");
  public static final Setting<Integer> APPS_RELOAD_MS =
      Setting.of(
          "VASK_APPS_RELOAD_MS",
          integer(50, 3_600_000),
          1000,
          "how often the apps file is checked for changes");
  public static final Setting<Integer> AUTHORIZATION_TIMEOUT_MS =
      Setting.of(
          "VASK_AUTHORIZATION_TIMEOUT_MS",
          integer(10, 3_600_000),
          30_000,
          "apps with `userAuthentication`: sockets neither signed in nor on a private/presence"
              + " channel by then are closed with 4009");

  public static final Setting<Integer> WEBHOOK_BACKLOG_BYTES =
      Setting.of(
          "VASK_WEBHOOK_BACKLOG_BYTES",
          integer(65_536, 1 << 30),
          64 << 20,
          "webhook requests waiting or being retried may hold this much heap (estimated); past it"
              + " the oldest are dropped and counted ([webhooks](webhooks.md#limits-and-memory))");
  public static final Setting<Integer> WEBHOOK_MAX_IN_FLIGHT =
      Setting.of(
          "VASK_WEBHOOK_MAX_IN_FLIGHT",
          integer(1, 10_000),
          64,
          "webhook requests sent at once to one receiver URL; the others wait in the backlog");

  /** Every gateway setting, in the order docs/configuration.md lists them; limits last. */
  public static final SettingCatalog CATALOG =
      new SettingCatalog(
          "VASK_",
          Stream.concat(
                  Stream.of(
                      HOST,
                      PORT,
                      METRICS_PORT,
                      APPS_FILE,
                      APP_ID,
                      APP_KEY,
                      APP_SECRET,
                      NATS_URL,
                      NATS_USER,
                      NATS_PASSWORD_FILE,
                      NATS_TOKEN_FILE,
                      NATS_NKEY_FILE,
                      NATS_CREDS_FILE,
                      NATS_TLS_CA,
                      NATS_TLS_CERT,
                      NATS_TLS_KEY,
                      NODE_ID,
                      DRAIN_SECONDS,
                      TLS_CERT,
                      TLS_KEY,
                      LOG_FORMAT,
                      LOG_LEVEL,
                      IO_THREADS,
                      MAX_PENDING_BYTES,
                      SLOW_CONSUMER_GRACE_MS,
                      PONG_TIMEOUT_SECONDS,
                      MAX_BODY_BYTES,
                      APPS_RELOAD_MS,
                      AUTHORIZATION_TIMEOUT_MS,
                      WEBHOOK_BACKLOG_BYTES,
                      WEBHOOK_MAX_IN_FLIGHT),
                  Stream.concat(ClusterBounds.ALL.stream(), LimitSettings.ALL.stream()))
              .toList());

  private final SettingValues values;

  private GatewaySettings(SettingValues values) {
    this.values = values;
  }

  /** Reads the environment; throws {@link InvalidSettings} listing every problem. */
  public static GatewaySettings fromEnvironment(Map<String, String> env) {
    SettingCatalog.Reading reading = CATALOG.read(env);
    GatewaySettingsRules.check(reading);
    return new GatewaySettings(reading.valuesOrThrow());
  }

  /**
   * Settings for tests and embedding: the declared defaults, but bound to 127.0.0.1 on free ports
   * (0). Values set here are taken as given; only the environment path checks ranges.
   */
  public static Builder builder() {
    return new Builder().set(HOST, "127.0.0.1").set(PORT, 0).set(METRICS_PORT, 0);
  }

  /** The value of any declared setting. */
  public <T> T get(Setting<T> setting) {
    return values.get(setting);
  }

  /** A builder holding these settings, to change a few. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.values = values;
    return builder;
  }

  public boolean clustered() {
    return natsUrl() != null;
  }

  public String host() {
    return get(HOST);
  }

  public int port() {
    return get(PORT);
  }

  public int metricsPort() {
    return get(METRICS_PORT);
  }

  public Path appsFile() {
    return get(APPS_FILE);
  }

  public String appId() {
    return get(APP_ID);
  }

  public String appKey() {
    return get(APP_KEY);
  }

  public String appSecret() {
    return get(APP_SECRET);
  }

  public String natsUrl() {
    return get(NATS_URL);
  }

  public String nodeId() {
    return get(NODE_ID);
  }

  public int drainSeconds() {
    return get(DRAIN_SECONDS);
  }

  public Path tlsCert() {
    return get(TLS_CERT);
  }

  public Path tlsKey() {
    return get(TLS_KEY);
  }

  public String logFormat() {
    return get(LOG_FORMAT);
  }

  public String logLevel() {
    return get(LOG_LEVEL);
  }

  public int ioThreads() {
    return get(IO_THREADS);
  }

  public long maxPendingBytes() {
    return get(MAX_PENDING_BYTES);
  }

  public long slowConsumerGraceMillis() {
    return get(SLOW_CONSUMER_GRACE_MS);
  }

  public int pongTimeoutSeconds() {
    return get(PONG_TIMEOUT_SECONDS);
  }

  public int maxBodyBytes() {
    return get(MAX_BODY_BYTES);
  }

  public long appsReloadMillis() {
    return get(APPS_RELOAD_MS);
  }

  public long authorizationTimeoutMillis() {
    return get(AUTHORIZATION_TIMEOUT_MS);
  }

  public long webhookBacklogBytes() {
    return get(WEBHOOK_BACKLOG_BYTES);
  }

  public int webhookMaxInFlight() {
    return get(WEBHOOK_MAX_IN_FLIGHT);
  }

  /** What a clustered gateway holds while NATS is down, and the webhook stream's bounds. */
  public ClusterBounds clusterBounds() {
    return new ClusterBounds(
        get(ClusterBounds.PUBLISH_BUFFER_BYTES),
        get(ClusterBounds.MEMBERSHIP_QUEUE),
        get(ClusterBounds.CACHE_QUEUE),
        get(ClusterBounds.WEBHOOK_BUFFER_BYTES),
        get(ClusterBounds.STREAM_MAX_BYTES),
        java.time.Duration.ofSeconds(get(ClusterBounds.STREAM_MAX_AGE_SECONDS)));
  }

  /** The limits and timeouts of {@link LimitSettings}. */
  public LimitSettings limits() {
    return new LimitSettings(
        get(LimitSettings.HANDSHAKE_TIMEOUT_MS),
        get(LimitSettings.HTTP_IDLE_TIMEOUT_MS),
        get(LimitSettings.MAX_CONNECTIONS),
        get(LimitSettings.MAX_CONNECTIONS_PER_IP),
        get(LimitSettings.NEW_CONNECTIONS_PER_IP_PER_SECOND),
        get(LimitSettings.MAX_TRACKED_IPS),
        get(LimitSettings.TRUSTED_PROXIES),
        new LimitSettings.MessageRates(
            get(LimitSettings.SUBSCRIBES_PER_SECOND), get(LimitSettings.SIGNINS_PER_SECOND)));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GatewaySettings that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "GatewaySettings" + values.with(APP_SECRET, null); // never a secret in a log
  }

  /** Settings by declaration, starting from {@link #builder()}'s test-friendly values. */
  public static final class Builder {
    private SettingValues values = SettingValues.of(new HashMap<>());

    private Builder() {}

    public <T> Builder set(Setting<T> setting, T value) {
      values = values.with(setting, value);
      return this;
    }

    public GatewaySettings build() {
      return new GatewaySettings(values);
    }
  }
}
