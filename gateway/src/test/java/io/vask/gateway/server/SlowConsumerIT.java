package io.vask.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vask.contract.signing.ApiRequestSignature;
import io.vask.contract.signing.ApiRequestSignature.Credentials;
import io.vask.gateway.Gateway;
import io.vask.gateway.GatewaySettings;
import io.vask.gateway.testing.RawSocket;
import io.vask.gateway.testing.TestGateways;
import io.vask.gateway.testing.TestSocket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fan-out write path keeps its bounds: a subscriber that stops reading is closed once its
 * queued bytes pass {@code VASK_MAX_PENDING_BYTES} — its queued frames dropped, so the 4100 error
 * and close frames reach it when it reads again — while a reading subscriber of the same channel
 * receives every event, in publish order.
 */
class SlowConsumerIT {
  private static final int EVENTS = 1500;
  // at most BATCH unconfirmed events (30 KB) stay queued for the reader: below the 64 KiB cap
  // however slowly its loop runs, so only the silent socket can pass it
  private static final int BATCH = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Gateway gateway;

  @BeforeEach
  void start() {
    GatewaySettings settings =
        TestGateways.settings(30, 300_000).toBuilder()
            .set(GatewaySettings.MAX_PENDING_BYTES, 64 * 1024)
            .set(GatewaySettings.SLOW_CONSUMER_GRACE_MS, 60_000)
            .build();
    gateway = TestGateways.start(settings, TestGateways.app("1", true, 0, 120, false));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void aSocketThatStopsReadingIsClosedWhileAReaderGetsEveryEventInOrder() throws Exception {
    try (RawSocket silent = RawSocket.upgrade(gateway.port(), "/app/key-1", 4096);
        TestSocket reader = TestSocket.connect(gateway.port(), "/app/key-1")) {
      silent.readUntil("connection_established");
      silent.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"firehose\"}}");
      silent.readUntil("subscription_succeeded");
      reader.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"firehose\"}}");
      reader.await("pusher_internal:subscription_succeeded");

      // published in batches the reader confirms, so only the silent socket falls behind the cap
      String padding = "x".repeat(6000);
      int received = 0;
      for (int i = 0; i < EVENTS; i++) {
        trigger(
            "{\"name\":\"tick\",\"channel\":\"firehose\",\"data\":\"" + i + " " + padding + "\"}");
        if ((i + 1) % BATCH == 0 || i == EVENTS - 1) {
          for (; received <= i; received++) {
            int expected = received;
            JsonNode event =
                reader.await(e -> "tick".equals(e.path("event").asText()), "tick " + expected);
            assertThat(event.get("data").asText()).startsWith(expected + " ");
          }
        }
      }
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> gateway.metrics().total("vask_slow_consumers_closed_total") == 1);
      assertThat(reader.isClosed()).isFalse();
      assertThat(closeFrameAfterDraining(silent)).isEqualTo(4100);
    }
  }

  /**
   * Reads what the server had queued until the close frame, checking the {@code pusher:error} 4100
   * comes right before it; returns the close code (-1 when the stream ended without one).
   */
  private static int closeFrameAfterDraining(RawSocket socket) {
    String previous = "";
    try {
      while (true) {
        RawSocket.Frame frame = socket.read();
        if (frame.opcode() == 0x8) {
          assertThat(previous).contains("\"code\":4100").contains("Over capacity");
          return frame.closeCode();
        }
        previous = frame.text();
      }
    } catch (IOException ended) {
      return -1;
    }
  }

  private void trigger(String body) throws Exception {
    String path = "/apps/1/events";
    String query =
        ApiRequestSignature.signedQuery(
            new Credentials("key-1", "secret-1"),
            "POST",
            path,
            Map.of(),
            body.getBytes(StandardCharsets.UTF_8),
            System.currentTimeMillis() / 1000);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + path + "?" + query))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    // on a fast machine the loop outruns the app's 1000 requests/s: wait for the next second's
    // allowance (the limit is not what this test is about)
    for (int retry = 0; response.statusCode() == 429 && retry < 20; retry++) {
      Thread.sleep(100);
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JSON.readTree(response.body());
  }
}
