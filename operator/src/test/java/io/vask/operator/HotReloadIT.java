package io.vask.operator;

import static io.vask.operator.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vask.operator.model.FeaturesSpec;
import io.vask.operator.model.GatewaySpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hot-reloadable setting changed on the VaskApp rolls no pod: the operator re-renders only the
 * apps-file Secret, the Deployment (template and generation) stays as it was, and a real gateway
 * process reading the refreshed file applies the setting to clients that stay connected.
 */
class HotReloadIT {
  @RegisterExtension final OperatorFixture cluster = OperatorFixture.withDefaults();

  private static final String CHANNEL = "private-room";

  KubernetesClient client;
  GatewayPod pod;
  final List<Pusher> sockets = new ArrayList<>();
  com.pusher.rest.Pusher api;

  @AfterEach
  void stop() throws Exception {
    sockets.forEach(Pusher::disconnect);
    if (api != null) {
      api.close();
    }
    if (pod != null) {
      pod.close();
    }
  }

  @Test
  void enablingClientEventsReachesConnectedClientsWithoutARollout(@TempDir Path podRoot)
      throws Exception {
    client = cluster.client();
    var app = VaskApps.named("reload", "test");
    app.getSpec().gateway = new GatewaySpec();
    app.getSpec().gateway.drainSeconds = 1;
    client.resource(app).create();
    var reload = new Children(client, "reload");
    eventually().untilAsserted(() -> assertThat(reload.status().key).isNotNull());
    var deployment = reload.deployment();
    pod = GatewayPod.start(client, deployment, "reload-gateway-5c8d-qwert", podRoot);
    pod.awaitReady();
    api =
        new com.pusher.rest.Pusher(
            reload.credential("app_id"), reload.credential("key"), reload.credential("secret"));
    api.setHost("127.0.0.1:" + pod.port("http"));
    api.setEncrypted(false);

    var errors = new LinkedBlockingQueue<String>();
    Pusher sender = connect(reload.credential("key"), errors);
    var received = new LinkedBlockingQueue<String>();
    Pusher receiver = connect(reload.credential("key"), new LinkedBlockingQueue<>());
    PrivateChannel senderChannel = subscribe(sender, new LinkedBlockingQueue<>());
    subscribe(receiver, received);
    String senderId = sender.getConnection().getSocketId();
    String receiverId = receiver.getConnection().getSocketId();

    senderChannel.trigger("client-hello", "{\"n\":0}");
    assertThat(errors.poll(30, TimeUnit.SECONDS))
        .as("client events are off at first")
        .contains("To send client events, you must enable this feature");

    VaskApps.update(
        client,
        "reload",
        a -> {
          a.getSpec().features = new FeaturesSpec();
          a.getSpec().features.clientEvents = true;
        });
    eventually()
        .untilAsserted(() -> assertThat(reload.appsFile().features().clientEvents()).isTrue());
    reload.awaitObserved();
    assertThat(reload.deployment().getSpec().getTemplate())
        .isEqualTo(deployment.getSpec().getTemplate());
    assertThat(reload.deployment().getMetadata().getGeneration())
        .isEqualTo(deployment.getMetadata().getGeneration());

    pod.syncVolumes(); // what the kubelet does with a changed Secret volume
    eventually()
        .pollInterval(Duration.ofMillis(500)) // stay under the client-event rate limit
        .untilAsserted(
            () -> {
              senderChannel.trigger("client-hello", "{\"n\":1}");
              assertThat(received.poll(200, TimeUnit.MILLISECONDS)).contains("\"n\":1");
            });
    for (Pusher socket : List.of(sender, receiver)) {
      assertThat(socket.getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);
    }
    assertThat(sender.getConnection().getSocketId()).isEqualTo(senderId);
    assertThat(receiver.getConnection().getSocketId()).isEqualTo(receiverId);
    assertThat(pod.isAlive()).isTrue();
  }

  private Pusher connect(String key, BlockingQueue<String> errors) throws InterruptedException {
    var options =
        new PusherOptions()
            .setHost("127.0.0.1")
            .setWsPort(pod.port("http"))
            .setUseTLS(false)
            .setChannelAuthorizer((channel, socketId) -> api.authenticate(socketId, channel));
    var socket = new Pusher(key, options);
    sockets.add(socket);
    var connected = new CountDownLatch(1);
    socket.connect(
        new ConnectionEventListener() {
          @Override
          public void onConnectionStateChange(ConnectionStateChange change) {
            if (change.getCurrentState() == ConnectionState.CONNECTED) {
              connected.countDown();
            }
          }

          @Override
          public void onError(String message, String code, Exception e) {
            errors.add(String.valueOf(message));
          }
        });
    assertThat(connected.await(30, TimeUnit.SECONDS)).as("connected").isTrue();
    return socket;
  }

  private static PrivateChannel subscribe(Pusher socket, BlockingQueue<String> received)
      throws InterruptedException {
    var subscribed = new CountDownLatch(1);
    PrivateChannel channel =
        socket.subscribePrivate(
            CHANNEL,
            new PrivateChannelEventListener() {
              @Override
              public void onSubscriptionSucceeded(String channelName) {
                subscribed.countDown();
              }

              @Override
              public void onAuthenticationFailure(String message, Exception e) {}

              @Override
              public void onEvent(PusherEvent event) {
                received.add(event.getData());
              }
            },
            "client-hello");
    assertThat(subscribed.await(30, TimeUnit.SECONDS)).as("subscribed to %s", CHANNEL).isTrue();
    return channel;
  }
}
