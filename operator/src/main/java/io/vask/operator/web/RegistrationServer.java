package io.vask.operator.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vask.operator.plan.Credentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registration endpoint: {@code POST /register/challenge {user}} answers {@code {challenge,
 * expiresAt}}; {@code POST /register {user, challenge, signature}} answers 201 with the app's
 * credentials, once. Errors are {@code {"error": "..."}} with their status.
 */
public final class RegistrationServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistrationServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 16 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Registration registration;
  private final String namespace;

  private RegistrationServer(
      HttpServer server, ExecutorService executor, Registration registration, String namespace) {
    this.server = server;
    this.executor = executor;
    this.registration = registration;
    this.namespace = namespace;
  }

  /** Starts on {@code host:settings.port()} (port 0 picks a free one). */
  public static RegistrationServer start(
      RegistrationSettings settings, KubernetesClient client, String host, Clock clock)
      throws IOException {
    var gitHub = new GitHub(settings.keysUrl(), settings.orgMembersUrl());
    var registration =
        new Registration(
            new RateLimiter(clock, settings.perMinute()),
            new RateLimiter(clock, settings.perMinute() * Registration.ADDRESS_FACTOR),
            new AllowList(settings.allow(), gitHub),
            new Challenges(clock, settings.challengeTtl()),
            gitHub,
            new AppRegistrar(client, settings.namespace(), clock));
    var server = HttpServer.create(new InetSocketAddress(host, settings.port()), 16);
    var executor = Executors.newFixedThreadPool(2, r -> new Thread(r, "vask-registration"));
    var started = new RegistrationServer(server, executor, registration, settings.namespace());
    server.createContext("/register", started::handle);
    server.setExecutor(executor);
    server.start();
    return started;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String address = exchange.getRemoteAddress().getAddress().getHostAddress();
      Reply reply = outcome(exchange, address);
      byte[] bytes = JSON.writeValueAsBytes(reply.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private record Reply(int status, Object body) {}

  private Reply outcome(HttpExchange exchange, String address) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!path.equals("/register") && !path.equals("/register/challenge")) {
      return new Reply(404, Map.of("error", "not found"));
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      return new Reply(405, Map.of("error", "use POST"));
    }
    try {
      JsonNode body = body(exchange);
      return new Reply(path.endsWith("/challenge") ? 200 : 201, answer(path, body, address));
    } catch (RegistrationRefused refused) {
      LOG.info(
          "registration refused ({}) for {}: {}", refused.status(), address, refused.getMessage());
      return new Reply(refused.status(), Map.of("error", refused.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("registration failed for {}", address, e);
      return new Reply(500, Map.of("error", "internal error"));
    }
  }

  private Map<String, Object> answer(String path, JsonNode body, String address) {
    String user = body.path("user").asText(null);
    if (path.endsWith("/challenge")) {
      var issued = registration.challenge(user, address);
      return Map.of("challenge", issued.challenge(), "expiresAt", issued.expiresAt().toString());
    }
    Credentials credentials =
        registration.register(
            user, body.path("challenge").asText(""), body.path("signature").asText(""), address);
    var json = new LinkedHashMap<String, Object>();
    json.put("name", AppRegistrar.appName(user));
    json.put("namespace", namespace);
    json.put("app_id", credentials.appId());
    json.put("key", credentials.key());
    json.put("secret", credentials.secret());
    return json;
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw new RegistrationRefused(413, "request body too large");
    }
    try {
      JsonNode body = JSON.readTree(bytes);
      if (body == null || !body.isObject()) {
        throw new RegistrationRefused(400, "expected a JSON object");
      }
      return body;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RegistrationRefused(400, "expected a JSON object");
    }
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
