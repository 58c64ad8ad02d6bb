package io.vask.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.gateway.Gateway;
import io.vask.gateway.testing.RawSocket;
import io.vask.gateway.testing.TestGateways;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pod and per-address connection limits over real sockets: the refused socket gets {@code
 * pusher:error} and close 4100, a full pod reports not ready, and clients within the limits (other
 * addresses, a freed place) connect as usual.
 */
class ConnectionLimitsIT {
  private static final String PATH = "/app/key-1?protocol=7";
  private Gateway gateway;

  private void start(int pod, int perAddress, int perSecond) throws InterruptedException {
    gateway =
        TestGateways.start(
            TestGateways.settings(30, 300_000).toBuilder()
                .set(LimitSettings.MAX_CONNECTIONS, pod)
                .set(LimitSettings.MAX_CONNECTIONS_PER_IP, perAddress)
                .set(LimitSettings.NEW_CONNECTIONS_PER_IP_PER_SECOND, perSecond)
                .build(),
            TestGateways.app("1", true, 0, 120, false));
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void aFullPodAnswers4100AndIsNotReadyUntilAPlaceFreesUp() throws Exception {
    start(2, 0, 0);
    try (RawSocket first = established("");
        RawSocket second = established("")) {
      assertThat(refusedWith("")).isEqualTo(4100);
      assertThat(ready()).isEqualTo(503);
      first.close();
      awaitReady();
      established("").close();
    }
    assertThat(gateway.metrics().total("vask_limit_refusals_total", "reason", "pod_connections"))
        .isEqualTo(1);
  }

  @Test
  void oneAddressBehindATrustedProxyIsLimitedWhileOthersConnect() throws Exception {
    start(100, 2, 0);
    String crowd = "X-Forwarded-For: 198.51.100.7\r\n";
    try (RawSocket a = established(crowd);
        RawSocket b = established(crowd);
        RawSocket other = established("X-Forwarded-For: 198.51.100.8\r\n")) {
      assertThat(refusedWith(crowd)).isEqualTo(4100);
      assertThat(ready()).isEqualTo(200);
    }
    assertThat(gateway.metrics().total("vask_limit_refusals_total", "reason", "ip_connections"))
        .isEqualTo(1);
  }

  @Test
  void newConnectionsPerAddressPerSecondAreLimited() throws Exception {
    start(100, 0, 1);
    String address = "X-Forwarded-For: 198.51.100.9\r\n";
    int refused = 0;
    for (int i = 0; i < 10; i++) {
      RawSocket socket = RawSocket.upgrade(gatewayPort(), PATH, 0, address);
      RawSocket.Frame first = socket.read();
      if (first.text().contains("\"code\":4100")) {
        refused++;
      }
      socket.close();
    }
    // one per second: 10 back-to-back attempts never all fall into different seconds
    assertThat(refused).isGreaterThan(0);
    assertThat(gateway.metrics().total("vask_limit_refusals_total", "reason", "ip_new_connections"))
        .isEqualTo(refused);
    established("X-Forwarded-For: 198.51.100.10\r\n").close();
  }

  private int gatewayPort() {
    return gateway.port();
  }

  private RawSocket established(String headers) throws IOException {
    RawSocket socket = RawSocket.upgrade(gateway.port(), PATH, 0, headers);
    assertThat(socket.read().text()).contains("pusher:connection_established");
    return socket;
  }

  private int refusedWith(String headers) throws IOException {
    try (RawSocket socket = RawSocket.upgrade(gateway.port(), PATH, 0, headers)) {
      assertThat(socket.read().text()).contains("pusher:error").contains("Over capacity");
      RawSocket.Frame close = socket.read();
      assertThat(close.opcode()).isEqualTo(0x8);
      return close.closeCode();
    }
  }

  private int ready() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.metricsPort() + "/ready"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private void awaitReady() {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> ready() == 200);
  }
}
