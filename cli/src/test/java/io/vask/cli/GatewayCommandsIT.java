package io.vask.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionState;
import io.vask.cli.support.CliRun;
import io.vask.cli.support.GatewayUnderTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trigger, tail, channels and users against a real gateway process, checked by real SDKs. */
class GatewayCommandsIT {
  private static final String ID = "2001";
  private static final String KEY = "cli-key";
  private static final String SECRET = "cli-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static GatewayUnderTest gateway;
  private static Map<String, String> env;
  private final List<Pusher> clients = new ArrayList<>();

  @BeforeAll
  static void startGateway() throws Exception {
    gateway =
        GatewayUnderTest.start(
            "{\"apps\":[{\"id\":\""
                + ID
                + "\",\"key\":\""
                + KEY
                + "\",\"secret\":\""
                + SECRET
                + "\"}]}",
            dir);
    env = CliRun.pusherEnv(ID, KEY, SECRET, gateway.port);
  }

  @AfterAll
  static void stopGateway() throws Exception {
    gateway.close();
  }

  @AfterEach
  void disconnect() {
    clients.forEach(Pusher::disconnect);
  }

  @Test
  void triggerReachesASubscribedPusherClient() throws Exception {
    BlockingQueue<PusherEvent> inbox = subscribed("news", "flash");

    var result = CliRun.run(env, "trigger", "news", "flash", "{\"message\":\"hello\"}");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(JSON.readTree(result.out()).isObject()).isTrue();
    PusherEvent event = inbox.poll(20, TimeUnit.SECONDS);
    assertThat(event).isNotNull();
    assertThat(event.getData()).isEqualTo("{\"message\":\"hello\"}");
  }

  @Test
  void triggerOnSeveralChannelsAndAsABatchFromStdin() throws Exception {
    BlockingQueue<PusherEvent> first = subscribed("multi-a", "ping");
    BlockingQueue<PusherEvent> second = subscribed("multi-b", "ping");

    var repeated = CliRun.run(env, "trigger", "--channel", "multi-a", "-c", "multi-b", "ping", "1");
    var commas = CliRun.run(env, "trigger", "multi-a,multi-b", "ping", "2");
    var batch =
        CliRun.runWithInput(
            env,
            "[{\"channel\":\"multi-a\",\"name\":\"ping\",\"data\":{\"n\":3}},"
                + "{\"channel\":\"multi-b\",\"name\":\"ping\",\"data\":\"4\"}]",
            "trigger",
            "--batch",
            "-");

    assertThat(List.of(repeated.code(), commas.code(), batch.code())).containsOnly(0);
    assertThat(datas(first, 3)).containsExactly("1", "2", "{\"n\":3}");
    assertThat(datas(second, 3)).containsExactly("1", "2", "4");
  }

  @Test
  void tailPrintsEventsTriggeredThroughTheHttpApiAsJsonLines() throws Exception {
    var tail = CliRun.start(env, "tail", "updates", "--count", "2", "--timeout", "60");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tail.err().contains("subscribed to updates"));

    var api = new com.pusher.rest.Pusher(ID, KEY, SECRET);
    api.setHost("127.0.0.1:" + gateway.port);
    api.setEncrypted(false);
    api.trigger("updates", "created", Map.of("id", 1));
    api.trigger("updates", "deleted", Map.of("id", 1));

    assertThat(tail.code().get(60, TimeUnit.SECONDS)).as(tail.err()).isZero();
    List<JsonNode> lines = lines(tail.out());
    assertThat(lines)
        .extracting(line -> line.get("event").asText())
        .containsExactly("created", "deleted");
    assertThat(lines.get(0).get("channel").asText()).isEqualTo("updates");
    assertThat(JSON.readTree(lines.get(0).get("data").asText()).get("id").asInt()).isEqualTo(1);
    api.close();
  }

  @Test
  void tailSignsPrivateAndPresenceChannelsAndTheApiSeesTheUser() throws Exception {
    var tail =
        CliRun.start(
            env,
            "tail",
            "private-orders",
            "presence-room",
            "--user-id",
            "ada",
            "--user-info",
            "{\"name\":\"Ada\"}",
            "--count",
            "1",
            "--timeout",
            "60");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                tail.err().contains("subscribed to private-orders")
                    && tail.err().contains("subscribed to presence-room"));

    var users = CliRun.run(env, "users", "presence-room");
    var channels = CliRun.run(env, "channels", "--prefix", "presence-", "--info", "user_count");
    var trigger = CliRun.run(env, "trigger", "private-orders", "shipped", "{}");

    assertThat(users.code()).as(users.err()).isZero();
    assertThat(JSON.readTree(users.out()))
        .isEqualTo(JSON.readTree("{\"users\":[{\"id\":\"ada\"}]}"));
    assertThat(channels.code()).as(channels.err()).isZero();
    assertThat(JSON.readTree(channels.out()))
        .isEqualTo(JSON.readTree("{\"channels\":{\"presence-room\":{\"user_count\":1}}}"));
    assertThat(trigger.code()).isZero();
    assertThat(tail.code().get(60, TimeUnit.SECONDS)).as(tail.err()).isZero();
    assertThat(lines(tail.out()).get(0).get("event").asText()).isEqualTo("shipped");
  }

  @Test
  void aWrongSecretIsAnAuthErrorForTheApiAndForPrivateSubscriptions() {
    var wrong = new HashMap<>(env);
    wrong.put("PUSHER_APP_SECRET", "not-the-secret");

    var trigger = CliRun.run(wrong, "trigger", "news", "flash", "{}");
    var tail = CliRun.run(wrong, "tail", "private-orders", "--timeout", "30");

    assertThat(trigger.code()).isEqualTo(ExitCodes.CONNECTION);
    assertThat(trigger.err()).startsWith("vask: ").contains("401");
    assertThat(tail.code()).isEqualTo(ExitCodes.CONNECTION);
    assertThat(tail.err()).startsWith("vask: ").contains("Invalid signature");
  }

  @Test
  void anUnreachableServerIsAConnectionError() throws Exception {
    var elsewhere = new HashMap<>(env);
    elsewhere.put("PUSHER_PORT", Integer.toString(GatewayUnderTest.freePort()));

    var channels = CliRun.run(elsewhere, "channels");
    var tail = CliRun.run(elsewhere, "tail", "news", "--timeout", "5");

    assertThat(channels.code()).isEqualTo(ExitCodes.CONNECTION);
    assertThat(channels.err()).startsWith("vask: cannot reach");
    assertThat(tail.code()).isEqualTo(ExitCodes.CONNECTION);
  }

  @Test
  void aRefusedRequestIsAFailedOperation() {
    var result = CliRun.run(env, "users", "not-presence");

    assertThat(result.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(result.err()).startsWith("vask: GET ").contains("400");
  }

  private BlockingQueue<PusherEvent> subscribed(String channel, String event) {
    var options = new PusherOptions().setHost("127.0.0.1").setWsPort(gateway.port).setUseTLS(false);
    var pusher = new Pusher(KEY, options);
    clients.add(pusher);
    BlockingQueue<PusherEvent> inbox = new LinkedBlockingQueue<>();
    var subscribedLatch = new java.util.concurrent.CountDownLatch(1);
    pusher.connect();
    pusher.subscribe(
        channel,
        new ChannelEventListener() {
          @Override
          public void onSubscriptionSucceeded(String name) {
            subscribedLatch.countDown();
          }

          @Override
          public void onEvent(PusherEvent received) {
            inbox.add(received);
          }
        },
        event);
    await().atMost(Duration.ofSeconds(30)).until(() -> subscribedLatch.getCount() == 0);
    assertThat(pusher.getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);
    return inbox;
  }

  private static List<String> datas(BlockingQueue<PusherEvent> inbox, int n) throws Exception {
    var datas = new ArrayList<String>();
    for (int i = 0; i < n; i++) {
      PusherEvent event = inbox.poll(20, TimeUnit.SECONDS);
      assertThat(event).as("event %d of %d", i + 1, n).isNotNull();
      datas.add(event.getData());
    }
    return datas;
  }

  private static List<JsonNode> lines(String out) throws Exception {
    var nodes = new ArrayList<JsonNode>();
    for (String line : out.strip().split("\n")) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }
}
