package io.vask.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.gateway.Gateway;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.testing.RawSocket;
import io.vask.gateway.testing.TestGateways;
import io.vask.gateway.testing.TestSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection lifecycle of PROTOCOL.md §1 over real sockets: refusals with Pusher close codes,
 * the connection quota, the liveness check (4201) and authorized connections (4009).
 */
class ConnectionLifecycleIT {
  private static Gateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        TestGateways.start(
            TestGateways.settings(1, 300),
            TestGateways.app("1", true, 0, 120, false),
            TestGateways.app("2", false, 0, 120, false),
            TestGateways.app("3", true, 1, 120, false),
            TestGateways.app("4", true, 0, 1, false),
            TestGateways.app("5", true, 0, 120, true));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void establishedFrameCarriesSocketIdAndActivityTimeout() {
    try (TestSocket socket =
        TestSocket.connect(gateway.port(), "/app/key-1?protocol=7&client=js")) {
      JsonNode established = socket.await("pusher:connection_established");
      JsonNode data = Json.parse(established.get("data").asText()).orElseThrow();
      assertThat(data.get("socket_id").isTextual()).isTrue();
      assertThat(data.get("socket_id").asText()).matches("\\d+\\.\\d+");
      assertThat(data.get("activity_timeout").asInt()).isEqualTo(120);
    }
  }

  @Test
  void refusalsUsePusherCloseCodesAfterAnError() {
    assertRefused("/app/unknown-key", 4001);
    assertRefused("/app/key-2", 4003);
    assertRefused("/somewhere/else", 4005);
    assertRefused("/app/key-1?protocol=seven", 4006);
    assertRefused("/app/key-1?protocol=3", 4007);
    assertRefused("/app/key-1?protocol=8", 4007);
  }

  private void assertRefused(String path, int code) {
    try (TestSocket socket = TestSocket.connect(gateway.port(), path)) {
      JsonNode error = socket.await("pusher:error");
      assertThat(error.get("data").get("code").asInt()).isEqualTo(code);
      assertThat(socket.closeCode(5)).isEqualTo(code);
    }
  }

  @Test
  void connectionQuotaIsEnforcedAndReleased() {
    try (TestSocket first = TestSocket.connect(gateway.port(), "/app/key-3")) {
      first.socketId();
      try (TestSocket second = TestSocket.connect(gateway.port(), "/app/key-3")) {
        assertThat(second.closeCode(5)).isEqualTo(4004);
      }
    }
    org.awaitility.Awaitility.await()
        .untilAsserted(
            () -> {
              try (TestSocket again = TestSocket.connect(gateway.port(), "/app/key-3")) {
                assertThat(again.socketId()).isNotEmpty();
              }
            });
  }

  @Test
  void silentClientIsPingedThenClosedWith4201WhileAnAnsweringOneStays() throws Exception {
    try (RawSocket silent = RawSocket.upgrade(gateway.port(), "/app/key-4", 0);
        TestSocket answering = TestSocket.connect(gateway.port(), "/app/key-4")) {
      answering.socketId();
      boolean sawProtocolPing = false;
      boolean sawPusherPing = false;
      RawSocket.Frame frame;
      do {
        frame = silent.read();
        sawProtocolPing |= frame.opcode() == 0x9;
        sawPusherPing |= frame.opcode() == 0x1 && frame.text().contains("\"pusher:ping\"");
      } while (frame.opcode() != 0x8);
      assertThat(sawProtocolPing).as("WebSocket PING frame").isTrue();
      assertThat(sawPusherPing).as("pusher:ping event").isTrue();
      assertThat(frame.closeCode()).isEqualTo(4201);

      answering.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"still-here\"}}");
      answering.await("pusher_internal:subscription_succeeded");
      assertThat(answering.isClosed()).isFalse();
    }
  }

  @Test
  void unauthorizedConnectionsAreClosedWith4009() throws Exception {
    try (TestSocket unsigned = TestSocket.connect(gateway.port(), "/app/key-5")) {
      unsigned.socketId();
      assertThat(unsigned.closeCode(5)).isEqualTo(4009);
    }
  }

  @Test
  void healthAndReadinessOnTheMetricsPort() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : new String[] {"/healthz", "/ready"}) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.metricsPort() + path))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
    HttpResponse<String> metrics =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.metricsPort() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.body())
        .contains("vask_connections ")
        .contains("vask_http_requests_total")
        .contains("vask_fanout_latency_seconds_bucket");
  }
}
