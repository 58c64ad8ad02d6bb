package io.vask.operator.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard on the JDK's HTTP server, like the registration endpoint: the page's files at
 * {@code /}, its JSON API below {@code /api/} ({@link DashboardApi}). Errors are {@code {"error":
 * "..."}} with their status.
 */
public final class DashboardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 16 * 1024;
  private static final String CSP =
      "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private final HttpServer server;
  private final ExecutorService executor;
  private final DashboardApi api;

  private DashboardServer(HttpServer server, ExecutorService executor, DashboardApi api) {
    this.server = server;
    this.executor = executor;
    this.api = api;
  }

  /** Starts on {@code host:port} (port 0 picks a free one). */
  public static DashboardServer start(DashboardApi api, String host, int port) throws IOException {
    var server = HttpServer.create(new InetSocketAddress(host, port), 32);
    var executor = Executors.newFixedThreadPool(4, r -> new Thread(r, "vask-dashboard"));
    var started = new DashboardServer(server, executor, api);
    server.createContext("/", started::handle);
    server.setExecutor(executor);
    server.start();
    return started;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Security-Policy", CSP);
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("Cache-Control", "no-store");
      String path = exchange.getRequestURI().getPath();
      if (path.startsWith("/api/")) {
        send(exchange, answer(exchange, path));
        return;
      }
      var file = StaticFiles.find(path).filter(f -> "GET".equals(exchange.getRequestMethod()));
      if (file.isEmpty()) {
        send(exchange, new DashboardApi.Reply(404, Map.of("error", "not found")));
        return;
      }
      headers.set("Content-Type", file.get().contentType());
      exchange.sendResponseHeaders(200, file.get().bytes().length);
      exchange.getResponseBody().write(file.get().bytes());
    }
  }

  private DashboardApi.Reply answer(HttpExchange exchange, String path) throws IOException {
    try {
      return api.handle(
          new DashboardApi.Call(
              exchange.getRequestMethod(),
              path,
              namespaceParameter(exchange.getRequestURI().getRawQuery()),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body(exchange)));
    } catch (DashboardRefused refused) {
      return new DashboardApi.Reply(refused.status(), Map.of("error", refused.getMessage()));
    } catch (KubernetesClientException e) {
      LOG.warn("dashboard: the API server answered {}: {}", e.getCode(), e.getMessage());
      return new DashboardApi.Reply(
          502, Map.of("error", "the Kubernetes API failed: " + e.getCode()));
    } catch (RuntimeException e) {
      LOG.error("dashboard request {} failed", path, e);
      return new DashboardApi.Reply(500, Map.of("error", "internal error"));
    }
  }

  private static void send(HttpExchange exchange, DashboardApi.Reply reply) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(reply.body());
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static Optional<String> namespaceParameter(String rawQuery) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    return Arrays.stream(rawQuery.split("&"))
        .filter(pair -> pair.startsWith("namespace="))
        .map(pair -> URLDecoder.decode(pair.substring(10), StandardCharsets.UTF_8))
        .filter(ns -> !ns.isEmpty())
        .findFirst();
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw new DashboardRefused(413, "request body too large");
    }
    if (bytes.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode body = JSON.readTree(bytes);
      if (body == null || !body.isObject()) {
        throw new DashboardRefused(400, "expected a JSON object");
      }
      return body;
    } catch (JsonProcessingException e) {
      throw new DashboardRefused(400, "expected a JSON object");
    }
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
