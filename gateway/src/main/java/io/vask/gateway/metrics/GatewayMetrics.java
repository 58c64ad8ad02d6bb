package io.vask.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vask.gateway.protocol.PusherError;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The gateway's meters on one Micrometer Prometheus registry: the process and JVM ({@link
 * RuntimeMeters}), per-app connection and message meters ({@link AppMeters}), errors, HTTP API
 * requests and the fan-out latency. Per-app series follow the apps file: each scrape creates them
 * for new apps and removes every series tagged with an app that is gone.
 */
public final class GatewayMetrics implements AutoCloseable {
  /** Where a request or frame belongs to no (known) app. */
  public static final String NO_APP = "";

  private final java.util.List<Object> held = new java.util.concurrent.CopyOnWriteArrayList<>();

  public final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private final Map<String, AppMeters> apps = new ConcurrentHashMap<>();
  private final Supplier<Collection<String>> liveApps;
  private final RuntimeMeters runtime;
  private final Counter slowConsumersClosed;
  private final Timer fanoutLatency;

  /** Per-app series only for the apps {@code liveApps} names at each scrape. */
  public GatewayMetrics(Supplier<Collection<String>> liveApps) {
    this.liveApps = liveApps;
    this.runtime = RuntimeMeters.bindTo(registry);
    this.slowConsumersClosed =
        Counter.builder("vask_slow_consumers_closed")
            .description("Sockets closed with 4100 for not reading fast enough")
            .register(registry);
    this.fanoutLatency =
        Timer.builder("vask_fanout_latency")
            .description(
                "Time from accepting an event to writing it to this node's last subscriber")
            .serviceLevelObjectives(FanoutBuckets.BOUNDS)
            .register(registry);
    // both families are exported from the start, each with one series that is true at zero
    errors(PusherError.OVER_CAPACITY.code().toString());
    httpRequests(NO_APP, "unknown", 404);
  }

  /** Per-app series for every app that records something; none are ever removed. */
  public GatewayMetrics() {
    this(null);
  }

  /** The app's meters, created on first use: look up once per connection or batch. */
  public AppMeters app(String appId) {
    return apps.computeIfAbsent(appId, id -> AppMeters.register(registry, id));
  }

  public void error(String code) {
    errors(code).increment();
  }

  private Counter errors(String code) {
    return Counter.builder("vask_errors")
        .description("pusher:error frames and error closes sent, by code")
        .tag("code", code)
        .register(registry);
  }

  /** A connection, message or request refused by a limit or timeout. */
  public void limitRefusal(String reason) {
    Counter.builder("vask_limit_refusals")
        .description("Connections, messages and requests refused by a limit or timeout, by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  public void slowConsumerClosed() {
    slowConsumersClosed.increment();
  }

  public void fanoutLatencyNanos(long nanos) {
    fanoutLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void httpRequest(String appId, String endpoint, int status) {
    httpRequests(appId, endpoint, status).increment();
  }

  private Counter httpRequests(String appId, String endpoint, int status) {
    return Counter.builder("vask_http_requests")
        .description("HTTP API requests by app, endpoint and status")
        .tags(AppMeters.APP, appId, "endpoint", endpoint, "status", Integer.toString(status))
        .register(registry);
  }

  /**
   * One series of a counter family tagged with {@code reason}; exported as {@code <name>_total}.
   */
  public Runnable reasonCounter(String name, String help, String reason) {
    Counter counter =
        Counter.builder(name).description(help).tag("reason", reason).register(registry);
    return counter::increment;
  }

  /** One series of a counter family tagged with {@code reason}, read at scrape time. */
  public void reasonCounter(String name, String help, String reason, DoubleSupplier total) {
    held.add(total); // Micrometer keeps only a weak reference to a function counter's object
    io.micrometer.core.instrument.FunctionCounter.builder(name, total, DoubleSupplier::getAsDouble)
        .description(help)
        .tag("reason", reason)
        .register(registry);
  }

  /** A value read at scrape time. */
  public void gauge(String name, String help, DoubleSupplier value) {
    Gauge.builder(name, value::getAsDouble).description(help).register(registry);
  }

  /**
   * The sum of a counter family's series matching {@code tags} (key, value, …); the family is named
   * as exported, with {@code _total}.
   */
  public long total(String exportedName, String... tags) {
    String name = exportedName.replaceFirst("_total$", "");
    Search search = registry.find(name).tags(tags);
    double sum = 0;
    for (Counter counter : search.counters()) {
      sum += counter.count();
    }
    for (FunctionCounter counter : search.functionCounters()) {
      sum += counter.count();
    }
    return (long) sum;
  }

  /** Open connections over all apps. */
  public long connections() {
    return apps.values().stream().mapToLong(app -> app.connections().get()).sum();
  }

  /** The Prometheus text of every meter, after bringing the per-app series up to date. */
  public String scrape() {
    if (liveApps != null) {
      follow(Set.copyOf(liveApps.get()));
    }
    return BucketBounds.plain(registry.scrape());
  }

  private void follow(Set<String> live) {
    live.forEach(this::app);
    for (String gone : apps.keySet()) {
      if (!live.contains(gone) && !gone.equals(NO_APP)) {
        apps.remove(gone);
        registry.getMeters().stream()
            .filter(meter -> gone.equals(meter.getId().getTag(AppMeters.APP)))
            .forEach(registry::remove);
      }
    }
  }

  @Override
  public void close() {
    runtime.close();
    registry.close();
  }

  /** The histogram's bucket bounds, as before the move to Micrometer. */
  private static final class FanoutBuckets {
    static final Duration[] BOUNDS = {
      Duration.ofNanos(500_000),
      Duration.ofMillis(1),
      Duration.ofNanos(2_500_000),
      Duration.ofMillis(5),
      Duration.ofMillis(10),
      Duration.ofMillis(25),
      Duration.ofMillis(50),
      Duration.ofMillis(100),
      Duration.ofMillis(250),
      Duration.ofMillis(500),
      Duration.ofSeconds(1),
      Duration.ofMillis(2500)
    };
  }
}
