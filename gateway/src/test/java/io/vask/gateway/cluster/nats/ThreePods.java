package io.vask.gateway.cluster.nats;

import static org.awaitility.Awaitility.await;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionState;
import com.pusher.rest.data.PresenceUser;
import io.vask.gateway.testing.GatewayProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gateway processes sharing one nats-server and an apps file, with the real Pusher SDKs pointed at
 * any of them: {@link #api} (pusher-http-java) and {@link #client} (pusher-java-client).
 */
final class ThreePods implements AutoCloseable {
  final List<GatewayProcess> pods = new ArrayList<>();
  final Path dir;
  final Path appsFile;
  final String natsUrl;
  private final List<Pusher> clients = new CopyOnWriteArrayList<>();

  /** One app of the apps file, as the tests address it. */
  record App(String id, String key, String secret) {
    static App named(String id) {
      return new App(id, "key-" + id, "secret-" + id);
    }
  }

  private final java.util.Map<String, String> env;

  ThreePods(String natsUrl, String appsJson, int count) throws Exception {
    this(natsUrl, appsJson, count, java.util.Map.of());
  }

  /** As above, with {@code env} added to each gateway's environment (e.g. small bounds). */
  ThreePods(String natsUrl, String appsJson, int count, java.util.Map<String, String> env)
      throws Exception {
    this.natsUrl = natsUrl;
    this.env = env;
    dir = Files.createTempDirectory("vask-pods");
    appsFile = dir.resolve("apps.json");
    Files.writeString(appsFile, appsJson);
    for (int i = 0; i < count; i++) {
      pods.add(GatewayProcess.start("pod-" + (char) ('a' + i), natsUrl, appsFile, dir, env));
    }
  }

  GatewayProcess pod(int i) {
    return pods.get(i);
  }

  /** Starts a new process in place of pod {@code i} (after a kill or a stop). */
  void replace(int i) throws Exception {
    pods.set(i, GatewayProcess.start(pods.get(i).name + "-again", natsUrl, appsFile, dir, env));
  }

  static com.pusher.rest.Pusher api(GatewayProcess pod, App app) {
    com.pusher.rest.Pusher api = new com.pusher.rest.Pusher(app.id(), app.key(), app.secret());
    api.setHost("127.0.0.1:" + pod.port);
    return api;
  }

  /** A connected pusher-java-client; {@code userId} (may be null) for presence and sign-in. */
  Pusher client(GatewayProcess pod, App app, String userId) {
    PusherOptions options =
        new PusherOptions()
            .setHost("127.0.0.1")
            .setWsPort(pod.port)
            .setUseTLS(false)
            .setChannelAuthorizer(
                (channel, socketId) ->
                    channel.startsWith("presence-")
                        ? api(pod, app).authenticate(socketId, channel, new PresenceUser(userId))
                        : api(pod, app).authenticate(socketId, channel))
            .setUserAuthenticator(socketId -> signIn(app, socketId, userId));
    Pusher client = new Pusher(app.key(), options);
    clients.add(client);
    client.connect();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> client.getConnection().getState() == ConnectionState.CONNECTED);
    return client;
  }

  /** A pusher-java-client that was told to connect, without waiting for the outcome. */
  Pusher connecting(GatewayProcess pod, App app) {
    Pusher client =
        new Pusher(
            app.key(),
            new PusherOptions().setHost("127.0.0.1").setWsPort(pod.port).setUseTLS(false));
    clients.add(client);
    client.connect();
    return client;
  }

  private static String signIn(App app, String socketId, String userId) {
    String userData = "{\"id\":\"" + userId + "\"}";
    String signature = hmac(app.secret(), socketId + "::user::" + userData);
    return "{\"auth\":\""
        + app.key()
        + ":"
        + signature
        + "\",\"user_data\":"
        + quote(userData)
        + "}";
  }

  private static String quote(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Subscribes, records the data of {@code events}, and waits until the pod confirmed. */
  static List<String> listen(Pusher client, String channel, String... events) {
    List<String> data = new CopyOnWriteArrayList<>();
    ChannelEventListener listener =
        new ChannelEventListener() {
          @Override
          public void onSubscriptionSucceeded(String name) {}

          @Override
          public void onEvent(PusherEvent event) {
            data.add(event.getEventName() + " " + event.getData());
          }
        };
    var subscription =
        channel.startsWith("private-")
            ? client.subscribePrivate(channel, new PrivateListener(data), events)
            : client.subscribe(channel, listener, events);
    await().atMost(Duration.ofSeconds(20)).until(subscription::isSubscribed);
    return data;
  }

  /** Records private-channel events the same way. */
  record PrivateListener(List<String> data)
      implements com.pusher.client.channel.PrivateChannelEventListener {
    @Override
    public void onAuthenticationFailure(String message, Exception e) {}

    @Override
    public void onSubscriptionSucceeded(String name) {}

    @Override
    public void onEvent(PusherEvent event) {
      data.add(event.getEventName() + " " + event.getData());
    }
  }

  @Override
  public void close() throws Exception {
    clients.forEach(Pusher::disconnect);
    for (GatewayProcess pod : pods) {
      pod.close();
    }
  }
}
