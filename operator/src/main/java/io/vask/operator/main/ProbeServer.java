package io.vask.operator.main;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.RuntimeInfo;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * {@code /healthz} (liveness: informers healthy), {@code /ready} (the operator started) and {@code
 * /metrics} (Prometheus text) on the JDK's HTTP server: three tiny endpoints need no framework.
 */
public final class ProbeServer implements AutoCloseable {
  private final HttpServer server;

  private ProbeServer(HttpServer server) {
    this.server = server;
  }

  /**
   * @param runtime taken before {@code Operator.start()}: asking the operator for it later blocks
   *     until every informer has synced, which would hang the probes during startup
   */
  public static ProbeServer start(int port, RuntimeInfo runtime, PrometheusMeterRegistry registry) {
    try {
      var server = HttpServer.create(new InetSocketAddress(port), 0);
      server.createContext(
          "/healthz",
          exchange ->
              // Before start (or while waiting for the lease) nothing can be unhealthy yet.
              answer(
                  exchange,
                  !runtime.isStarted() || runtime.allEventSourcesAreHealthy(),
                  "text/plain",
                  "ok"));
      server.createContext(
          "/ready", exchange -> answer(exchange, runtime.isStarted(), "text/plain", "ready"));
      server.createContext(
          "/metrics",
          exchange ->
              answer(
                  exchange, true, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
      server.setExecutor(Executors.newSingleThreadExecutor(daemon()));
      server.start();
      return new ProbeServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void answer(HttpExchange exchange, boolean ok, String type, String body)
      throws IOException {
    byte[] bytes = (ok ? body : "unavailable").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(ok ? 200 : 503, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      var thread = new Thread(runnable, "vask-operator-probes");
      thread.setDaemon(true);
      return thread;
    };
  }
}
