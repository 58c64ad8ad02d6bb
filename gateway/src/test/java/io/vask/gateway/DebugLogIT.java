package io.vask.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.vask.contract.signing.Signatures;
import io.vask.gateway.testing.JarProcess;
import io.vask.gateway.testing.NatsServer;
import io.vask.gateway.testing.TestSocket;
import io.vask.gateway.testing.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code VASK_LOG_LEVEL=debug} logs what a gateway does for a client — connects, subscribes and
 * unsubscribes, disconnects, HTTP API calls, webhook attempts — and never a secret, an API
 * signature or a channel auth token; at the default level none of those lines appear.
 */
class DebugLogIT {
  private static final String ID = "42";
  private static final String KEY = "debug-key";
  private static final String SECRET = "debug-secret-5f1c0ae9";
  private static final String CHANNEL = "private-orders";

  @Test
  void debugLevelLogsEachMomentWithoutSecrets(@TempDir Path dir) throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      Drive drive = run(dir, "debug", receiver, Map.of("VASK_LOG_LEVEL", "debug"));
      String log = drive.log;
      String socket = drive.socketId;
      assertThat(log)
          .containsPattern(
              "DEBUG .*connected app=42 socket_id=" + quote(socket) + " remote=\\S*127\\.0\\.0\\.1")
          .contains("subscribed app=42 channel=" + CHANNEL + " socket_id=" + socket)
          .contains("unsubscribed app=42 channel=" + CHANNEL + " socket_id=" + socket)
          .containsPattern("disconnected app=42 socket_id=" + quote(socket) + " code=\\d+")
          .containsPattern(
              "api call app=42 POST /apps/42/events\\?\\S*auth_key=" + KEY + "\\S* status=200")
          .containsPattern(
              "webhook attempt app=42 host=127\\.0\\.0\\.1 status=200 latency_ms=\\d+ events=1");
      assertThat(log)
          .doesNotContain(SECRET)
          .doesNotContain("auth_signature")
          .doesNotContain(drive.channelSignature);
    }
  }

  @Test
  void defaultLevelLogsNoneOfThem(@TempDir Path dir) throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      String log = run(dir, "info", receiver, Map.of()).log;
      assertThat(log)
          .contains("vask gateway started")
          .doesNotContain(" DEBUG ")
          .doesNotContain("connected app=")
          .doesNotContain("subscribed app=")
          .doesNotContain("api call")
          .doesNotContain("webhook attempt");
    }
  }

  private record Drive(String log, String socketId, String channelSignature) {}

  /** Connects, subscribes (a webhook follows), calls the API, unsubscribes and disconnects. */
  private static Drive run(Path dir, String name, WebhookReceiver receiver, Map<String, String> env)
      throws Exception {
    Path apps = dir.resolve(name + ".json");
    Files.writeString(
        apps,
        """
        {"apps": [{"id": "%s", "key": "%s", "secret": "%s",
          "webhooks": [{"url": "%s", "events": ["channel_occupied"]}]}]}
        """
            .formatted(ID, KEY, SECRET, receiver.url("/hook")));
    int port = NatsServer.freePort();
    Map<String, String> all = new HashMap<>(env);
    all.put("VASK_HOST", "127.0.0.1");
    all.put("VASK_PORT", Integer.toString(port));
    all.put("VASK_METRICS_PORT", Integer.toString(NatsServer.freePort()));
    all.put("VASK_APPS_FILE", apps.toString());
    all.put("VASK_DRAIN_SECONDS", "0");
    Path log = dir.resolve(name + ".log");
    Process gateway = JarProcess.start(log, all);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> read(log).contains("vask gateway started") || !gateway.isAlive());
      assertThat(gateway.isAlive()).as("the gateway runs: %s", read(log)).isTrue();
      int webhooksBefore = receiver.requests().size();
      TestSocket socket = TestSocket.connect(port, "/app/" + KEY + "?protocol=7");
      String socketId = socket.socketId();
      String signature = Signatures.hmacSha256Hex(SECRET, socketId + ":" + CHANNEL);
      socket.send(
          "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"%s\",\"auth\":\"%s:%s\"}}"
              .formatted(CHANNEL, KEY, signature));
      socket.await("pusher_internal:subscription_succeeded");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> receiver.requests().size() > webhooksBefore);
      Pusher api = new Pusher(ID, KEY, SECRET);
      api.setHost("127.0.0.1:" + port);
      Result result = api.trigger(CHANNEL, "order-placed", Map.of("total", 12));
      assertThat(result.getHttpStatus()).isEqualTo(200);
      socket.send(
          "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"%s\"}}".formatted(CHANNEL));
      socket.close();
      if (!env.isEmpty()) {
        // the disconnect and the webhook attempt are logged on other threads: wait for both
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> read(log).contains("disconnected") && read(log).contains("webhook attempt"));
      }
      return new Drive(stop(gateway, log), socketId, signature);
    } finally {
      gateway.destroyForcibly();
    }
  }

  private static String stop(Process gateway, Path log) throws Exception {
    gateway.destroy();
    if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
      gateway.destroyForcibly();
    }
    return read(log);
  }

  private static String quote(String text) {
    return Pattern.quote(text);
  }

  private static String read(Path log) throws Exception {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
