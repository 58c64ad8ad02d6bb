package io.vask.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Validity;
import io.vask.contract.AppSettings;
import io.vask.contract.WebhookSettings;
import io.vask.gateway.Gateway;
import io.vask.gateway.GatewaySettings;
import io.vask.gateway.app.StaticAppRegistry;
import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.local.LocalCluster;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.testing.TestSocket;
import io.vask.gateway.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every webhook type from a real in-process gateway driven by raw WebSocket clients (PROTOCOL.md
 * §10): one webhook per cluster-wide transition, the 3 s de-bounce of vacated and member_removed,
 * exact fields, signatures the pusher-http-java SDK accepts, and a stalled receiver that never
 * slows the gateway down.
 *
 * <p>"Exactly once" is checked without timing: a leave's webhook carries the time it was decided,
 * so the test waits for the one decided after its last action; a spurious earlier one would have
 * fired first. Then it waits for the outbox to empty, so everything decided so far has arrived.
 */
class WebhookGatewayIT {
  private static final RetryPolicy QUICK_RETRIES =
      new RetryPolicy(
          Duration.ofMillis(20),
          Duration.ofMillis(100),
          Duration.ofSeconds(5),
          Duration.ofSeconds(1));
  private static final List<String> ALL =
      List.of(
          "channel_occupied",
          "channel_vacated",
          "member_added",
          "member_removed",
          "client_event",
          "cache_miss",
          "subscription_count");
  private static final Set<String> OCCUPANCY =
      Set.of("channel_occupied", "channel_vacated", "member_added", "member_removed");

  private static WebhookReceiver receiver;
  private static WebhookReceiver stalledReceiver;
  private static Cluster cluster;
  private static Gateway gateway;
  private static AppSettings app;

  @BeforeAll
  static void start() throws InterruptedException {
    receiver = WebhookReceiver.start();
    stalledReceiver = WebhookReceiver.start();
    app = app("it", receiver.url("/hook"));
    cluster = LocalCluster.create(Clock.systemUTC());
    gateway =
        Gateway.start(
            GatewaySettings.builder().build(),
            new StaticAppRegistry(List.of(app, app("stall", stalledReceiver.url("/hook")))),
            cluster,
            Clock.systemUTC(),
            QUICK_RETRIES);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    receiver.close();
    stalledReceiver.close();
  }

  static AppSettings app(String id, String url) {
    return AppSettings.builder(id, "key-" + id, "secret-" + id)
        .clientEvents(true)
        .subscriptionCount(true)
        .batchWebhooks(false)
        .webhooks(List.of(new WebhookSettings(url, ALL, null, Map.of())))
        .build();
  }

  @Test
  void occupiedAndVacatedOncePerTransition() {
    String channel = "room-occupancy";
    try (Client first = connect(app);
        Client second = connect(app)) {
      subscribe(first, channel, null);
      awaitWebhook(receiver, "channel_occupied", channel, 0);
      subscribe(second, channel, null);
      unsubscribe(first, channel);
      long lastLeave = System.currentTimeMillis();
      unsubscribe(second, channel);

      awaitWebhook(receiver, "channel_vacated", channel, lastLeave);
    }
    settle();
    assertThat(names(receiver, channel, OCCUPANCY))
        .containsExactly("channel_occupied", "channel_vacated");
  }

  @Test
  void aQuickReconnectSendsNeitherPair() {
    String channel = "presence-reconnect";
    Client before = connect(app);
    subscribe(before, channel, "{\"user_id\":\"ann\"}");
    awaitWebhook(receiver, "member_added", channel, 0);
    before.close();
    try (Client after = connect(app)) {
      subscribe(after, channel, "{\"user_id\":\"ann\"}");
      long lastLeave = System.currentTimeMillis();
      unsubscribe(after, channel);

      awaitWebhook(receiver, "channel_vacated", channel, lastLeave);
      awaitWebhook(receiver, "member_removed", channel, lastLeave);
    }
    settle();
    assertThat(names(receiver, channel, OCCUPANCY))
        .containsExactlyInAnyOrder(
            "channel_occupied", "member_added", "member_removed", "channel_vacated");
    assertThat(events(receiver, channel, "member_removed").get(0).get("user_id").asText())
        .isEqualTo("ann");
  }

  @Test
  void membersAreAddedOncePerUserAndRemovedWithTheirLastConnection() {
    String channel = "presence-members";
    try (Client bobOnPhone = connect(app);
        Client bobOnLaptop = connect(app);
        Client cid = connect(app)) {
      subscribe(bobOnPhone, channel, "{\"user_id\":\"bob\",\"user_info\":{\"name\":\"Bob\"}}");
      subscribe(bobOnLaptop, channel, "{\"user_id\":\"bob\"}");
      subscribe(cid, channel, "{\"user_id\":\"cid\"}");
      awaitWebhook(receiver, "member_added", channel, 0);
      unsubscribe(bobOnPhone, channel);
      long lastLeave = System.currentTimeMillis();
      unsubscribe(bobOnLaptop, channel);

      awaitWebhook(receiver, "member_removed", channel, lastLeave);
    }
    settle();
    assertThat(events(receiver, channel, "member_added"))
        .extracting(e -> e.get("user_id").asText())
        .containsExactlyInAnyOrder("bob", "cid");
    assertThat(events(receiver, channel, "member_removed"))
        .extracting(e -> e.get("user_id").asText())
        .contains("bob")
        .doesNotHaveDuplicates();
    assertThat(events(receiver, channel, "channel_occupied")).hasSize(1);
  }

  @Test
  void clientEventsCarryTheirDataAsAStringAndTheUserIdOnPresenceOnly() {
    try (Client sender = connect(app);
        Client listener = connect(app)) {
      subscribe(sender, "presence-chat", "{\"user_id\":\"dee\"}");
      subscribe(listener, "presence-chat", "{\"user_id\":\"eve\"}");
      subscribe(sender, "private-chat", null);
      subscribe(listener, "private-chat", null);

      sender.send("{\"event\":\"client-typing\",\"channel\":\"presence-chat\",\"data\":{\"x\":1}}");
      sender.send("{\"event\":\"client-note\",\"channel\":\"private-chat\",\"data\":\"hi\"}");

      listener.await(f -> "client-note".equals(f.path("event").asText()), "client-note");
      JsonNode onPresence = awaitWebhook(receiver, "client_event", "presence-chat", 0);
      JsonNode onPrivate = awaitWebhook(receiver, "client_event", "private-chat", 0);
      assertThat(fields(onPresence))
          .containsExactly(
              "name=client_event",
              "channel=presence-chat",
              "event=client-typing",
              "data={\"x\":1}",
              "socket_id=" + sender.socketId(),
              "user_id=dee");
      assertThat(fields(onPrivate))
          .containsExactly(
              "name=client_event",
              "channel=private-chat",
              "event=client-note",
              "data=hi",
              "socket_id=" + sender.socketId());
      assertThat(onPresence.get("data").isTextual()).isTrue();
    }
  }

  @Test
  void anEmptyCacheChannelSendsCacheMiss() {
    try (Client socket = connect(app)) {
      subscribe(socket, "cache-empty", null);
      socket.await("pusher:cache_miss");

      JsonNode miss = awaitWebhook(receiver, "cache_miss", "cache-empty", 0);
      assertThat(fields(miss)).containsExactly("name=cache_miss", "channel=cache-empty");
    }
  }

  @Test
  void manyClientsMissingTheSameEmptyCacheProduceOneCacheMissWebhook() {
    try (Client first = connect(app);
        Client second = connect(app);
        Client third = connect(app)) {
      for (Client socket : List.of(first, second, third)) {
        subscribe(socket, "cache-storm", null);
        socket.await("pusher:cache_miss");
      }
      subscribe(first, "cache-storm-marker", null);
      awaitWebhook(receiver, "cache_miss", "cache-storm-marker", 0);

      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> events(receiver, "cache-storm", "cache_miss").size() == 1);
    }
  }

  @Test
  void subscriptionCountsAreSentAsNumbers() {
    try (Client first = connect(app);
        Client second = connect(app)) {
      subscribe(first, "counted", null);
      subscribe(second, "counted", null);

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> events(receiver, "counted", "subscription_count").size() >= 2);
      // two requests in flight at once may arrive in either order (receivers order by time_ms)
      assertThat(events(receiver, "counted", "subscription_count"))
          .allMatch(e -> e.get("subscription_count").isNumber())
          .extracting(e -> e.get("subscription_count").asLong())
          .containsExactlyInAnyOrder(1L, 2L);
    }
  }

  @Test
  void everyRequestIsOneEventWithHeadersThePusherSdkAccepts() throws Exception {
    try (Client socket = connect(app)) {
      subscribe(socket, "cache-signed", null);
      awaitWebhook(receiver, "cache_miss", "cache-signed", 0);
    }
    try (Pusher pusher = new Pusher(app.id(), app.key(), app.secret())) {
      for (WebhookReceiver.Request request : receiver.requests()) {
        assertThat(request.headerValues("Content-Type")).containsExactly("application/json");
        assertThat(request.header("X-Pusher-Key")).isEqualTo(app.key());
        assertThat(request.events()).hasSize(1);
        assertThat(request.json().get("time_ms").isNumber()).isTrue();
        assertThat(
                pusher.validateWebhookSignature(
                    request.header("X-Pusher-Key"),
                    request.header("X-Pusher-Signature"),
                    request.bodyText()))
            .isEqualTo(Validity.VALID);
      }
    }
  }

  @Test
  void aStalledReceiverNeverSlowsTheGatewayDown() {
    AppSettings stalling = app("stall", stalledReceiver.url("/hook"));
    stalledReceiver.stall();
    try (Client sender = connect(stalling);
        Client listener = connect(stalling)) {
      subscribe(sender, "private-busy", null);
      stalledReceiver.awaitRequests(1);
      subscribe(listener, "private-busy", null);
      for (int i = 0; i < 5; i++) {
        sender.send("{\"event\":\"client-n\",\"channel\":\"private-busy\",\"data\":\"" + i + "\"}");
        String expected = String.valueOf(i);
        listener.await(f -> expected.equals(f.path("data").asText()), "client event " + i);
      }
      assertThat(gateway.metrics().registry.scrape()).contains("vask_webhooks_sent_total");
    } finally {
      stalledReceiver.release();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                stalledReceiver.events().stream()
                    .anyMatch(e -> "client_event".equals(e.get("name").asText())));
  }

  @Test
  void drainingSendsTheLeavesAtOnceInsteadOfLosingThem() throws InterruptedException {
    try (WebhookReceiver own = WebhookReceiver.start()) {
      AppSettings drained = app("drained", own.url("/hook"));
      Gateway closing =
          Gateway.start(
              GatewaySettings.builder().build(),
              new StaticAppRegistry(List.of(drained)),
              LocalCluster.create(Clock.systemUTC()),
              Clock.systemUTC(),
              QUICK_RETRIES);
      Client socket = connect(closing, drained);
      subscribe(socket, "presence-closing", "{\"user_id\":\"fay\"}");
      awaitWebhook(own, "member_added", "presence-closing", 0);

      closing.drainAndClose(1, 10_000);

      socket.close();
      assertThat(names(own, "presence-closing", OCCUPANCY))
          .containsExactlyInAnyOrder(
              "channel_occupied", "member_added", "member_removed", "channel_vacated");
    }
  }

  /** A connected raw WebSocket client of one app, with its socket id. */
  private record Client(TestSocket socket, String socketId, AppSettings app)
      implements AutoCloseable {
    void send(String frame) {
      socket.send(frame);
    }

    JsonNode await(String event) {
      return socket.await(event);
    }

    JsonNode await(java.util.function.Predicate<JsonNode> match, String what) {
      return socket.await(match, what);
    }

    @Override
    public void close() {
      socket.close();
    }
  }

  private static Client connect(AppSettings target) {
    return connect(gateway, target);
  }

  private static Client connect(Gateway on, AppSettings target) {
    TestSocket socket =
        TestSocket.connect(on.port(), "/app/" + target.key() + "?protocol=7&client=it&version=1");
    return new Client(socket, socket.socketId(), target);
  }

  /** Subscribes and waits for success; private and presence channels get a valid signature. */
  private static void subscribe(Client client, String channel, String channelData) {
    ObjectNode data = Json.MAPPER.createObjectNode().put("channel", channel);
    if (channel.startsWith("private-") || channel.startsWith("presence-")) {
      String toSign =
          client.socketId() + ":" + channel + (channelData == null ? "" : ":" + channelData);
      data.put("auth", client.app().key() + ":" + hmac(client.app().secret(), toSign));
    }
    if (channelData != null) {
      data.put("channel_data", channelData);
    }
    ObjectNode frame = Json.MAPPER.createObjectNode().put("event", "pusher:subscribe");
    frame.set("data", data);
    client.send(Json.write(frame));
    client.await(
        f ->
            "pusher_internal:subscription_succeeded".equals(f.path("event").asText())
                && channel.equals(f.path("channel").asText()),
        "subscription_succeeded on " + channel);
  }

  private static void unsubscribe(Client client, String channel) {
    client.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
  }

  private static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for a webhook of this type on this channel decided at or after {@code notBefore}. */
  private static JsonNode awaitWebhook(
      WebhookReceiver on, String name, String channel, long notBefore) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                on.requests().stream()
                    .anyMatch(
                        r ->
                            r.json().get("time_ms").asLong() >= notBefore
                                && r.events().stream().anyMatch(e -> is(e, name, channel))));
    return events(on, channel, name).get(0);
  }

  /** Waits until every webhook event decided so far has been delivered. */
  private static void settle() {
    await().atMost(Duration.ofSeconds(20)).until(() -> cluster.outbox().depth() == 0);
  }

  private static boolean is(JsonNode event, String name, String channel) {
    return name.equals(event.get("name").asText()) && channel.equals(event.get("channel").asText());
  }

  private static List<JsonNode> events(WebhookReceiver on, String channel, String name) {
    return on.events().stream().filter(e -> is(e, name, channel)).toList();
  }

  private static List<String> names(WebhookReceiver on, String channel, Set<String> types) {
    return on.events().stream()
        .filter(e -> channel.equals(e.get("channel").asText()))
        .map(e -> e.get("name").asText())
        .filter(types::contains)
        .toList();
  }

  private static List<String> fields(JsonNode event) {
    List<String> fields = new java.util.ArrayList<>();
    event.fields().forEachRemaining(f -> fields.add(f.getKey() + "=" + f.getValue().asText()));
    return fields;
  }
}
