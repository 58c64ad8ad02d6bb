package io.vask.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.contract.AppSettings;
import io.vask.gateway.Gateway;
import io.vask.gateway.GatewaySettings;
import io.vask.gateway.app.StaticAppRegistry;
import io.vask.gateway.cluster.nats.NatsCluster;
import io.vask.gateway.cluster.nats.NatsTimings;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.testing.NatsServer;
import io.vask.gateway.testing.TestGateways;
import io.vask.gateway.testing.TestSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /console/api/stats} on real gateways: a console token is required, the figures are the
 * connected clients and occupied channels, and in cluster mode a pod counts the connections and
 * channels of the other pods.
 */
class ConsoleStatsIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();
  private static final AppSettings APP = TestGateways.app("stats", true, 0, 120, false);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void aConsoleTokenOfTheAppIsRequired() throws Exception {
    Gateway gateway = single();
    AppSettings impostor = AppSettings.builder(APP.id(), APP.key(), "not-the-secret").build();
    String forged = ConsoleToken.mint(impostor, Clock.systemUTC().instant().getEpochSecond() + 60);

    assertThat(get(gateway, null).statusCode()).isEqualTo(401);
    assertThat(get(gateway, forged).statusCode()).isEqualTo(401);
    assertThat(get(gateway, token()).statusCode()).isEqualTo(200);
  }

  @Test
  void aSingleNodeReportsItsConnectedClientsAndOccupiedChannels() throws Exception {
    Gateway gateway = single();
    TestSocket first = socket(gateway);
    socket(gateway);
    subscribe(first, "room");

    JsonNode stats = stats(gateway);
    assertThat(stats.path("connections").asLong()).isEqualTo(2);
    assertThat(stats.path("channels").asLong()).isEqualTo(1);
    assertThat(stats.path("pod").asText()).isEqualTo("pod-a");

    first.close();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(stats(gateway).path("connections").asLong()).isEqualTo(1));
  }

  @Test
  void aPodCountsTheConnectionsOfTheOtherPods() throws Exception {
    Gateway a = clustered("pod-a");
    Gateway b = clustered("pod-b");
    socket(a);
    subscribe(socket(b), "room");
    socket(b);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode stats = stats(a);
              assertThat(stats.path("connections").asLong()).isEqualTo(3);
              assertThat(stats.path("channels").asLong()).isEqualTo(1);
              assertThat(stats.path("pod").asText()).isEqualTo("pod-a");
            });
  }

  private Gateway single() {
    return open(TestGateways.start(settings("pod-a"), APP));
  }

  private Gateway clustered(String pod) throws Exception {
    return open(
        Gateway.start(
            settings(pod),
            new StaticAppRegistry(List.of(APP)),
            NatsCluster.connect(NATS.url(), pod, Clock.systemUTC(), NatsTimings.DEFAULT),
            Clock.systemUTC()));
  }

  private static GatewaySettings settings(String pod) {
    return GatewaySettings.builder()
        .set(GatewaySettings.NODE_ID, pod)
        .set(GatewaySettings.IO_THREADS, 2)
        .set(GatewaySettings.DRAIN_SECONDS, 1)
        .build();
  }

  private <T extends AutoCloseable> T open(T closeable) {
    opened.add(closeable);
    return closeable;
  }

  private TestSocket socket(Gateway gateway) {
    TestSocket socket = open(TestSocket.connect(gateway.port(), "/app/" + APP.key()));
    socket.socketId();
    return socket;
  }

  private static void subscribe(TestSocket socket, String channel) {
    socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    socket.await("pusher_internal:subscription_succeeded");
  }

  private static String token() {
    return ConsoleToken.mint(APP, Clock.systemUTC().instant().getEpochSecond() + 60);
  }

  private static JsonNode stats(Gateway gateway) throws Exception {
    HttpResponse<String> response = get(gateway, token());
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.parse(response.body()).orElseThrow();
  }

  private static HttpResponse<String> get(Gateway gateway, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/console/api/stats"))
            .timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
