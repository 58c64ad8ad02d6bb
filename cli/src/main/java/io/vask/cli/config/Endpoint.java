package io.vask.cli.config;

import java.net.URI;

/** A resolved server address and app credentials. */
public record Endpoint(
    String appId, String key, String secret, String host, int port, String scheme) {

  /** {@code http://host:port} or {@code https://host:port}. */
  public URI httpBase() {
    return URI.create(scheme + "://" + host + ":" + port);
  }

  /** The app's WebSocket URL, as pusher-js builds it. */
  public URI webSocket() {
    String ws = "https".equals(scheme) ? "wss" : "ws";
    return URI.create(
        ws
            + "://"
            + host
            + ":"
            + port
            + "/app/"
            + key
            + "?protocol=7&client=vask-cli&version=0.1.0");
  }
}
