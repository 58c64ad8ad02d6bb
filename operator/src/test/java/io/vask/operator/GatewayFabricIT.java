package io.vask.operator;

import static io.vask.operator.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionState;
import com.pusher.rest.data.Result;
import io.vask.operator.model.FeaturesSpec;
import io.vask.operator.model.GatewaySpec;
import io.vask.operator.model.LimitsSpec;
import io.vask.operator.model.VaskApp;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator and the gateway fit together: the operator reconciles a VaskApp on the mock API
 * server, then the gateway runs with exactly the environment and apps file of the Deployment it
 * wrote, and real Pusher SDKs exchange events with the credentials of the generated Secret. A
 * settings change re-rendered by the operator then reaches the running gateway without a restart.
 */
class GatewayFabricIT {
  @RegisterExtension final OperatorFixture cluster = OperatorFixture.withDefaults();
  GatewayPod pod;
  Pusher socket;
  com.pusher.rest.Pusher api;

  @AfterEach
  void stop() throws Exception {
    if (socket != null) {
      socket.disconnect();
    }
    if (api != null) {
      api.close();
    }
    if (pod != null) {
      pod.close();
    }
  }

  /** pusher-js (from e2e/js, installed by `make test`) gets an event through the same gateway. */
  private static void assertPusherJsReceives(com.pusher.rest.Pusher api, int port, String key)
      throws Exception {
    Path script = Path.of(GatewayFabricIT.class.getResource("/fabric-pusher-js.cjs").toURI());
    Path modules = Path.of("..", "e2e", "js", "node_modules").toAbsolutePath().normalize();
    assertThat(modules.resolve("pusher-js")).as("npm ci in e2e/js (make test does it)").exists();
    ProcessBuilder builder =
        new ProcessBuilder("node", script.toString(), key, Integer.toString(port), "fabric-js")
            .redirectErrorStream(true);
    builder.environment().put("NODE_PATH", modules.toString());
    Process node = builder.start();
    try (var lines =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                node.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      assertThat(lines.readLine()).isEqualTo("subscribed");
      Result sent = api.trigger("fabric-js", "headline", Map.of("text", "hello pusher-js"));
      assertThat(sent.getStatus()).isEqualTo(Result.Status.SUCCESS);
      assertThat(lines.readLine()).isEqualTo("event:{\"text\":\"hello pusher-js\"}");
      assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      node.destroyForcibly();
    }
  }

  @Test
  void pusherClientsTalkThroughTheGatewayTheOperatorDescribes(@TempDir Path podRoot)
      throws Exception {
    var client = cluster.client();
    var app = VaskApps.named("fabric", "test");
    app.getSpec().features = new FeaturesSpec();
    app.getSpec().features.subscriptionCount = true;
    app.getSpec().gateway = new GatewaySpec();
    app.getSpec().gateway.drainSeconds = 1;
    client.resource(app).create();
    var fabric = new Children(client, "fabric");
    eventually().untilAsserted(() -> assertThat(fabric.status().key).isNotNull());
    var template = fabric.deployment().getSpec().getTemplate();

    pod = GatewayPod.start(client, fabric.deployment(), "fabric-gateway-7d9f-abcde", podRoot);
    pod.awaitReady();

    String appId = fabric.credential("app_id");
    String key = fabric.credential("key");
    String secret = fabric.credential("secret");
    var received = new LinkedBlockingQueue<String>();
    var subscribed = new java.util.concurrent.CountDownLatch(1);
    socket =
        new Pusher(
            key,
            new PusherOptions().setHost("127.0.0.1").setWsPort(pod.port("http")).setUseTLS(false));
    socket.connect();
    socket.subscribe(
        "fabric-news",
        new ChannelEventListener() {
          @Override
          public void onSubscriptionSucceeded(String channelName) {
            subscribed.countDown();
          }

          @Override
          public void onEvent(PusherEvent event) {
            received.add(event.getData());
          }
        },
        "headline");
    assertThat(subscribed.await(30, TimeUnit.SECONDS)).as("subscribed").isTrue();
    String socketId = socket.getConnection().getSocketId();

    api = new com.pusher.rest.Pusher(appId, key, secret);
    api.setHost("127.0.0.1:" + pod.port("http"));
    api.setEncrypted(false);
    Result sent = api.trigger("fabric-news", "headline", Map.of("text", "hello from the fabric"));
    assertThat(sent.getStatus()).as("%s", sent.getMessage()).isEqualTo(Result.Status.SUCCESS);
    assertThat(received.poll(30, TimeUnit.SECONDS)).contains("hello from the fabric");
    assertPusherJsReceives(api, pod.port("http"), key);

    // Settings change: the operator re-renders the apps file, the kubelet refreshes the mounted
    // Secret, and the same gateway process applies it while the socket stays connected.
    client
        .resources(VaskApp.class)
        .withName("fabric")
        .edit(
            a -> {
              a.getSpec().limits = new LimitsSpec();
              a.getSpec().limits.maxMessageBytes = 64;
              return a;
            });
    eventually()
        .untilAsserted(
            () -> assertThat(fabric.appsFile().limits().maxMessageBytes()).isEqualTo(64));
    assertThat(fabric.deployment().getSpec().getTemplate()).isEqualTo(template);
    pod.syncVolumes();
    long pid = pod.pid();
    String big = "x".repeat(200);
    eventually()
        .untilAsserted(
            () ->
                assertThat(api.trigger("fabric-news", "headline", Map.of("text", big)).getStatus())
                    .isNotEqualTo(Result.Status.SUCCESS));
    assertThat(api.trigger("fabric-news", "headline", Map.of("text", "small")).getStatus())
        .isEqualTo(Result.Status.SUCCESS);
    // Large events sent before the reload took effect were delivered; skip them.
    String next;
    do {
      next = received.poll(30, TimeUnit.SECONDS);
      assertThat(next).as("the small event").isNotNull();
    } while (!next.contains("small"));
    assertThat(pod.isAlive()).isTrue();
    assertThat(pod.pid()).isEqualTo(pid);
    assertThat(socket.getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(socket.getConnection().getSocketId()).isEqualTo(socketId);
  }
}
