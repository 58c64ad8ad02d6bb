package io.vask.operator.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A local stand-in for github.com: {@code /{user}.keys} and {@code /orgs/{org}/members/{user}}. */
final class PublishedKeysServer implements AutoCloseable {
  private final Map<String, String> keys = new ConcurrentHashMap<>();
  private final Map<String, Boolean> members = new ConcurrentHashMap<>();
  private final HttpServer server;

  PublishedKeysServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/orgs/")) {
              int status = members.containsKey(path) ? 204 : 404;
              exchange.sendResponseHeaders(status, -1);
              return;
            }
            String body = keys.get(path.substring(1).replaceAll("\\.keys$", ""));
            byte[] bytes = (body == null ? "Not Found" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
        });
    server.start();
  }

  void publish(String user, String... lines) {
    keys.put(user, String.join("\n", lines) + "\n");
  }

  void member(String org, String user) {
    members.put("/orgs/" + org + "/members/" + user, true);
  }

  String keysUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/{user}.keys";
  }

  String orgMembersUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/orgs/{org}/members/{user}";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
