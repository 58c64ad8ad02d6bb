package io.vask.e2e.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vask.contract.AppSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The customer's auth endpoint, as a Pusher app server would run it: pusher-java-client posts
 * {@code socket_id} and {@code channel_name} here and gets back what pusher-http-java's {@code
 * authenticate} signs. The logged-in user is named by the {@code X-User-Id} header, which each test
 * client sets on its authorizer the way a browser would send its session cookie.
 */
public final class AuthEndpoint implements AutoCloseable {
  static final String USER_HEADER = "X-User-Id";
  private final HttpServer server;
  private final ExecutorService handlers = Executors.newFixedThreadPool(2);
  private final AppSettings app;
  private final com.pusher.rest.Pusher signer;

  private AuthEndpoint(AppSettings app) throws IOException {
    this.app = app;
    this.signer = new com.pusher.rest.Pusher(app.id(), app.key(), app.secret());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(handlers);
    server.createContext("/pusher/auth", this::authorizeChannel);
    server.createContext("/pusher/user-auth", this::authenticateUser);
    server.start();
  }

  public static AuthEndpoint start(AppSettings app) {
    try {
      return new AuthEndpoint(app);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the auth endpoint", e);
    }
  }

  public String channelAuthUrl() {
    return url("/pusher/auth");
  }

  public String userAuthUrl() {
    return url("/pusher/user-auth");
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void authorizeChannel(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(exchange);
    String userId = exchange.getRequestHeaders().getFirst(USER_HEADER);
    String socketId = form.get("socket_id");
    String channel = form.get("channel_name");
    String body;
    if (channel.startsWith("presence-")) {
      body =
          signer.authenticate(
              socketId,
              channel,
              new com.pusher.rest.data.PresenceUser(userId, Map.of("name", "User " + userId)));
    } else {
      body = signer.authenticate(socketId, channel);
    }
    reply(exchange, body);
  }

  /** User authentication (§5.1): pusher-http-java 1.3 has no signer for it, so sign here. */
  private void authenticateUser(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(exchange);
    String userId = exchange.getRequestHeaders().getFirst(USER_HEADER);
    String userData = "{\"id\":\"" + userId + "\"}";
    String signature = hmac(form.get("socket_id") + "::user::" + userData);
    String body =
        "{\"auth\":\""
            + app.key()
            + ":"
            + signature
            + "\",\"user_data\":\""
            + userData.replace("\"", "\\\"")
            + "\"}";
    reply(exchange, body);
  }

  private String hmac(String message) {
    return SignedHttp.hmac(app.secret(), message);
  }

  private static Map<String, String> form(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static void reply(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
