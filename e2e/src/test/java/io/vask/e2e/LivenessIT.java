package io.vask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.connection.ConnectionState;
import io.vask.contract.AppSettings;
import io.vask.e2e.support.E2eGateway;
import io.vask.e2e.support.SdkClient;
import io.vask.e2e.support.TestApps;
import io.vask.gateway.testing.RawSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Liveness (PROTOCOL.md §1.5) with the server's timers shortened to seconds: pusher-java-client
 * survives the server's checks by answering WebSocket-level pings (it never answers a JSON {@code
 * pusher:ping}), gets {@code pusher:pong} for its own pings, a client that answers only JSON pings
 * (as pusher-js does) survives too, and a silent one is closed with 4201.
 */
class LivenessIT {
  /** The server checks after one idle second. */
  private static final AppSettings EAGER = TestApps.app("eager", null, null, null, 1);

  /** The server waits the default 120 s, so only the client pings. */
  private static final AppSettings RELAXED = TestApps.app("relaxed");

  private static E2eGateway gateway;

  @BeforeAll
  static void start() {
    gateway = E2eGateway.start(E2eGateway.settings().pongTimeoutSeconds(2).build(), EAGER, RELAXED);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private long errors4201() {
    return gateway.metrics().total("vask_errors_total", "code", "4201");
  }

  @Test
  void sdkAnswersServerPingsAtWebSocketLevelAndStaysConnected() {
    try (SdkClient client = gateway.client(EAGER, null, null)) {
      client.connect();
      long sentBefore = gateway.metrics().total("vask_messages_out_total");
      long closedBefore = errors4201();
      // After each idle second the server sends a PING frame and a pusher:ping, and would close
      // the socket unless something came back: four rounds prove the SDK's PONG frames count.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> gateway.metrics().total("vask_messages_out_total") - sentBefore >= 4);
      assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
      assertThat(client.states()).doesNotContain(ConnectionState.RECONNECTING);
      assertThat(errors4201()).isEqualTo(closedBefore);
    }
  }

  @Test
  void sdkPingsAreAnsweredWithPusherPong() {
    try (SdkClient client =
        gateway.client(
            RELAXED,
            null,
            null,
            options -> options.setActivityTimeout(1000).setPongTimeout(3000))) {
      client.connect();
      long receivedBefore = gateway.metrics().total("vask_messages_in_total");
      // The SDK pings after one idle second and reconnects unless a reply comes in time.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> gateway.metrics().total("vask_messages_in_total") - receivedBefore >= 4);
      assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
      assertThat(client.states()).doesNotContain(ConnectionState.RECONNECTING);
    }
  }

  @Test
  void jsonPongsKeepASocketAliveWhileASilentOneIsClosedWith4201() throws Exception {
    try (RawSocket silent = RawSocket.upgrade(gateway.port(), "/app/" + EAGER.key(), 0);
        RawSocket ponging = RawSocket.upgrade(gateway.port(), "/app/" + EAGER.key(), 0)) {
      int answered = 0;
      while (answered < 3) {
        RawSocket.Frame frame = ponging.read();
        assertThat(frame.opcode()).as("no close for a client that answers").isNotEqualTo(0x8);
        if (frame.opcode() == 0x1 && frame.text().contains("\"pusher:ping\"")) {
          ponging.sendText("{\"event\":\"pusher:pong\",\"data\":{}}");
          answered++;
        }
      }

      boolean sawError = false;
      RawSocket.Frame frame;
      do {
        frame = silent.read();
        sawError |= frame.opcode() == 0x1 && frame.text().contains("\"code\":4201");
      } while (frame.opcode() != 0x8);
      assertThat(sawError).as("pusher:error 4201 before the close").isTrue();
      assertThat(frame.closeCode()).isEqualTo(4201);
    }
  }
}
