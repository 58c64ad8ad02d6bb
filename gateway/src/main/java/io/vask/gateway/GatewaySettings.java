package io.vask.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The gateway's settings from {@code VASK_*} environment variables (docs/configuration.md), every
 * value checked at once: {@link #fromEnvironment} lists every problem, unknown {@code VASK_} names
 * included, so a typo never silently falls back to a default.
 */
public record GatewaySettings(
    String host,
    int port,
    int metricsPort,
    Path appsFile,
    String appId,
    String appKey,
    String appSecret,
    String natsUrl,
    String nodeId,
    int drainSeconds,
    Path tlsCert,
    Path tlsKey,
    String logFormat,
    int ioThreads,
    long maxPendingBytes,
    long slowConsumerGraceMillis,
    int pongTimeoutSeconds,
    int maxBodyBytes,
    long appsReloadMillis,
    long authorizationTimeoutMillis) {

  static final Set<String> KNOWN =
      Set.of(
          "VASK_HOST",
          "VASK_PORT",
          "VASK_METRICS_PORT",
          "VASK_APPS_FILE",
          "VASK_APP_ID",
          "VASK_APP_KEY",
          "VASK_APP_SECRET",
          "VASK_NATS_URL",
          "VASK_NODE_ID",
          "VASK_DRAIN_SECONDS",
          "VASK_TLS_CERT",
          "VASK_TLS_KEY",
          "VASK_LOG_FORMAT",
          "VASK_IO_THREADS",
          "VASK_MAX_PENDING_BYTES",
          "VASK_SLOW_CONSUMER_GRACE_MS",
          "VASK_PONG_TIMEOUT_SECONDS",
          "VASK_MAX_BODY_BYTES",
          "VASK_APPS_RELOAD_MS",
          "VASK_AUTHORIZATION_TIMEOUT_MS");

  /** Defaults for a gateway on the given ports, for tests and embedding. */
  public static GatewaySettings defaults(int port, int metricsPort) {
    return new GatewaySettings(
        "127.0.0.1",
        port,
        metricsPort,
        null,
        null,
        null,
        null,
        null,
        null,
        10,
        null,
        null,
        "text",
        Runtime.getRuntime().availableProcessors(),
        1 << 20,
        10_000,
        30,
        1 << 20,
        1000,
        30_000);
  }

  public boolean clustered() {
    return natsUrl != null;
  }

  public static GatewaySettings fromEnvironment(Map<String, String> env) {
    Parser p = new Parser(env);
    GatewaySettings settings =
        new GatewaySettings(
            p.text("VASK_HOST", "0.0.0.0"),
            p.port("VASK_PORT", 6001),
            p.port("VASK_METRICS_PORT", 9601),
            p.file("VASK_APPS_FILE"),
            p.text("VASK_APP_ID", null),
            p.text("VASK_APP_KEY", null),
            p.text("VASK_APP_SECRET", null),
            p.natsUrl(),
            p.text("VASK_NODE_ID", null),
            p.integer("VASK_DRAIN_SECONDS", 10, 0, 3600),
            p.file("VASK_TLS_CERT"),
            p.file("VASK_TLS_KEY"),
            p.oneOf("VASK_LOG_FORMAT", "text", Set.of("text", "json")),
            p.integer("VASK_IO_THREADS", Runtime.getRuntime().availableProcessors(), 1, 1024),
            p.integer("VASK_MAX_PENDING_BYTES", 1 << 20, 65_536, Integer.MAX_VALUE),
            p.integer("VASK_SLOW_CONSUMER_GRACE_MS", 10_000, 10, 600_000),
            p.integer("VASK_PONG_TIMEOUT_SECONDS", 30, 1, 600),
            p.integer("VASK_MAX_BODY_BYTES", 1 << 20, 1024, 64 << 20),
            p.integer("VASK_APPS_RELOAD_MS", 1000, 50, 3_600_000),
            p.integer("VASK_AUTHORIZATION_TIMEOUT_MS", 30_000, 10, 3_600_000));
    p.checkAppSource(settings);
    p.checkTls(settings);
    for (String name : new TreeSet<>(env.keySet())) {
      if (name.startsWith("VASK_") && !KNOWN.contains(name)) {
        p.problems.add(name + " is not a known setting (see docs/configuration.md)");
      }
    }
    if (!p.problems.isEmpty()) {
      throw new InvalidSettings(p.problems);
    }
    return settings;
  }

  /** Every problem found in the environment. */
  public static final class InvalidSettings extends RuntimeException {
    private final List<String> problems;

    InvalidSettings(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  private static final class Parser {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    Parser(Map<String, String> env) {
      this.env = env;
    }

    String text(String name, String fallback) {
      String value = env.get(name);
      return value == null || value.isBlank() ? fallback : value.trim();
    }

    int port(String name, int fallback) {
      return integer(name, fallback, 0, 65_535);
    }

    int integer(String name, int fallback, int min, int max) {
      return parse(name, fallback, Integer::parseInt, v -> v >= min && v <= max, min + ".." + max);
    }

    String oneOf(String name, String fallback, Set<String> allowed) {
      String value = text(name, fallback);
      if (!allowed.contains(value)) {
        problems.add(
            name + "=" + value + " is invalid (expected one of " + new TreeSet<>(allowed) + ")");
      }
      return value;
    }

    Path file(String name) {
      String value = text(name, null);
      if (value == null) {
        return null;
      }
      Path path = Path.of(value);
      if (!Files.isReadable(path)) {
        problems.add(name + "=" + value + " is not a readable file");
      }
      return path;
    }

    String natsUrl() {
      String value = text("VASK_NATS_URL", null);
      if (value != null) {
        for (String url : value.split(",")) {
          String u = url.trim();
          if (!(u.startsWith("nats://") || u.startsWith("tls://") || u.startsWith("ws://"))) {
            problems.add(
                "VASK_NATS_URL has \"" + u + "\" (expected nats://host:port, comma-separated)");
          }
        }
      }
      return value;
    }

    void checkAppSource(GatewaySettings s) {
      boolean anyInline = s.appId() != null || s.appKey() != null || s.appSecret() != null;
      boolean allInline = s.appId() != null && s.appKey() != null && s.appSecret() != null;
      if (anyInline && !allInline) {
        problems.add("VASK_APP_ID, VASK_APP_KEY and VASK_APP_SECRET must be set together");
      }
      if (allInline && s.appsFile() != null) {
        problems.add("set either VASK_APPS_FILE or VASK_APP_ID/KEY/SECRET, not both");
      }
      if (!anyInline && s.appsFile() == null && !env.containsKey("VASK_APPS_FILE")) {
        problems.add(
            "no app configured: set VASK_APPS_FILE or VASK_APP_ID, VASK_APP_KEY, VASK_APP_SECRET");
      }
    }

    void checkTls(GatewaySettings s) {
      if ((s.tlsCert() == null) != (s.tlsKey() == null)
          && !(env.containsKey("VASK_TLS_CERT") && env.containsKey("VASK_TLS_KEY"))) {
        problems.add("VASK_TLS_CERT and VASK_TLS_KEY must be set together");
      }
    }

    private <T> T parse(
        String name,
        T fallback,
        Function<String, T> parser,
        java.util.function.Predicate<T> valid,
        String expected) {
      String value = text(name, null);
      if (value == null) {
        return fallback;
      }
      try {
        T parsed = parser.apply(value);
        if (valid.test(parsed)) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(name + "=" + value + " is invalid (expected " + expected + ")");
      return fallback;
    }
  }
}
