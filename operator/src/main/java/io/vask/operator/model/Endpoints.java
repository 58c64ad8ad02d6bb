package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Where clients connect. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Endpoints {
  @JsonPropertyDescription("WebSocket URL for pusher-js and other client SDKs.")
  public String websocket;

  @JsonPropertyDescription("Base URL of the Pusher HTTP API for server SDKs.")
  public String httpApi;

  public Endpoints() {}

  public Endpoints(String websocket, String httpApi) {
    this.websocket = websocket;
    this.httpApi = httpApi;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Endpoints other
        && Objects.equals(websocket, other.websocket)
        && Objects.equals(httpApi, other.httpApi);
  }

  @Override
  public int hashCode() {
    return Objects.hash(websocket, httpApi);
  }
}
