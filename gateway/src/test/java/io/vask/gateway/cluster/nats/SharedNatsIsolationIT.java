package io.vask.gateway.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.gateway.testing.GatewayProcess;
import io.vask.gateway.testing.NatsServer;
import io.vask.gateway.testing.TestSocket;
import io.vask.gateway.testing.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two fleets on one nats-server, as docs/kubernetes.md recommends: app A served by two gateway
 * processes (apps file with only A), app B by a third (only B). Each fleet must deliver exactly its
 * own webhooks — none lost to the other fleet, none duplicated, none of the other app — and a third
 * fleet claiming A's id with another key is refused.
 */
class SharedNatsIsolationIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();
  private static final int CHANNELS = 50;
  private static final WebhookReceiver receiverA = WebhookReceiver.start();
  private static final WebhookReceiver receiverB = WebhookReceiver.start();
  private static final List<GatewayProcess> fleetA = new ArrayList<>();
  private static final List<GatewayProcess> fleetB = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("vask-isolation");
    Path appsA = appsFile(dir, "tenant-a", receiverA);
    Path appsB = appsFile(dir, "tenant-b", receiverB);
    fleetA.add(GatewayProcess.start("a-1", NATS.url(), appsA, dir));
    fleetA.add(GatewayProcess.start("a-2", NATS.url(), appsA, dir));
    fleetB.add(GatewayProcess.start("b-1", NATS.url(), appsB, dir));
  }

  private static Path appsFile(Path dir, String app, WebhookReceiver receiver) throws Exception {
    Path file = dir.resolve(app + ".json");
    Files.writeString(
        file,
        ("{\"apps\":[{\"id\":\"%s\",\"key\":\"key-%s\",\"secret\":\"secret-%s\","
                + "\"webhooks\":[{\"url\":\"%s\",\"events\":[\"channel_occupied\","
                + "\"channel_vacated\"]}]}]}")
            .formatted(app, app, app, receiver.url("/" + app)));
    return file;
  }

  @AfterAll
  static void stop() throws Exception {
    for (GatewayProcess pod : fleetA) {
      pod.close();
    }
    for (GatewayProcess pod : fleetB) {
      pod.close();
    }
    receiverA.close();
    receiverB.close();
  }

  @Test
  void eachFleetDeliversExactlyItsOwnTransitions() {
    List<TestSocket> onA = occupy(fleetA, "tenant-a");
    List<TestSocket> onB = occupy(fleetB, "tenant-b");
    // vacate only once occupied was decided: a subscribe and unsubscribe that both land before
    // the occupancy write are one de-bounced blip, not the transitions this test counts
    awaitOccupied(receiverA);
    awaitOccupied(receiverB);
    vacate(onA, "tenant-a");
    vacate(onB, "tenant-b");

    assertExactly(receiverA, "tenant-a");
    assertExactly(receiverB, "tenant-b");
  }

  /** Subscribes to {@link #CHANNELS} channels, spread over the fleet's pods. */
  private static List<TestSocket> occupy(List<GatewayProcess> fleet, String app) {
    List<TestSocket> sockets = new ArrayList<>();
    for (GatewayProcess pod : fleet) {
      TestSocket socket = TestSocket.connect(pod.port, "/app/key-" + app + "?protocol=7");
      socket.await("pusher:connection_established");
      sockets.add(socket);
    }
    for (int i = 0; i < CHANNELS; i++) {
      TestSocket socket = sockets.get(i % sockets.size());
      String channel = app + "-room-" + i;
      socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
      socket.await(
          f ->
              "pusher_internal:subscription_succeeded".equals(f.path("event").asText())
                  && channel.equals(f.path("channel").asText()),
          "subscribed to " + channel);
    }
    return sockets;
  }

  private static void awaitOccupied(WebhookReceiver receiver) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                receiver.events().stream()
                        .filter(e -> "channel_occupied".equals(e.path("name").asText()))
                        .count()
                    >= CHANNELS);
  }

  /** Unsubscribes from every channel {@link #occupy} subscribed, then closes the sockets. */
  private static void vacate(List<TestSocket> sockets, String app) {
    for (int i = 0; i < CHANNELS; i++) {
      String channel = app + "-room-" + i;
      sockets
          .get(i % sockets.size())
          .send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    }
    sockets.forEach(TestSocket::close);
  }

  @Test
  void anAppIdAnotherFleetOwnsWithAnotherKeyIsRefusedNotMerged() throws Exception {
    Path dir = Files.createTempDirectory("vask-isolation-dup");
    Path clash = dir.resolve("clash.json");
    Files.writeString(
        clash, "{\"apps\":[{\"id\":\"tenant-a\",\"key\":\"other-key\",\"secret\":\"s\"}]}");
    try (GatewayProcess intruder = GatewayProcess.start("clash-1", NATS.url(), clash, dir)) {
      try (TestSocket socket = TestSocket.connect(intruder.port, "/app/other-key?protocol=7")) {
        assertThat(socket.await("pusher:error").path("data").path("code").asInt()).isEqualTo(4001);
        assertThat(socket.closeCode(5)).isEqualTo(4001);
      }
      HttpResponse<String> channels =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + intruder.port + "/apps/tenant-a/channels"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(channels.statusCode()).isEqualTo(404);
      assertThat(intruder.metrics())
          .contains("vask_apps_refused_total{reason=\"app_id_owned_by_another_fleet\"} 1");
    }
    // the owning fleet is untouched and a pod with the same key joins it
    try (TestSocket socket =
        TestSocket.connect(fleetA.get(1).port, "/app/key-tenant-a?protocol=7")) {
      socket.await("pusher:connection_established");
    }
  }

  /** 50 occupied and 50 vacated, each once, all of {@code app}, and nothing more arrives. */
  private static void assertExactly(WebhookReceiver receiver, String app) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(receiver.events()).hasSizeGreaterThanOrEqualTo(100));
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(receiver.events()).hasSize(2 * CHANNELS));
    Set<String> seen = new TreeSet<>();
    for (JsonNode event : receiver.events()) {
      assertThat(event.path("channel").asText()).startsWith(app + "-room-");
      seen.add(event.path("name").asText() + " " + event.path("channel").asText());
    }
    assertThat(seen).hasSize(2 * CHANNELS);
    assertThat(receiver.requests()).allMatch(r -> r.path().equals("/" + app));
  }
}
