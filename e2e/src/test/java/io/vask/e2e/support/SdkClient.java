package io.vask.e2e.support;

import static org.awaitility.Awaitility.await;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PresenceChannel;
import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import com.pusher.client.util.HttpChannelAuthorizer;
import com.pusher.client.util.HttpUserAuthenticator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One pusher-java-client connection as an app's user would open it: plain ws to the gateway,
 * channel authorization and sign-in through the {@link AuthEndpoint} as user {@code userId}.
 * Records connection errors ({@code pusher:error} frames) and state changes.
 */
public final class SdkClient implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final Pusher pusher;
  private final List<String> errorCodes = new CopyOnWriteArrayList<>();
  private final List<ConnectionState> states = new CopyOnWriteArrayList<>();

  private SdkClient(Pusher pusher) {
    this.pusher = pusher;
  }

  static SdkClient create(
      String key, int port, AuthEndpoint auth, String userId, Consumer<PusherOptions> tuning) {
    PusherOptions options =
        new PusherOptions().setHost("127.0.0.1").setWsPort(port).setUseTLS(false);
    tuning.accept(options);
    if (auth != null) {
      Map<String, String> headers = Map.of(AuthEndpoint.USER_HEADER, userId);
      HttpChannelAuthorizer channels = new HttpChannelAuthorizer(auth.channelAuthUrl());
      channels.setHeaders(headers);
      HttpUserAuthenticator users = new HttpUserAuthenticator(auth.userAuthUrl());
      users.setHeaders(headers);
      options.setChannelAuthorizer(channels).setUserAuthenticator(users);
    }
    return new SdkClient(new Pusher(key, options));
  }

  /** Connects and waits for {@code connection_established}; returns the socket id. */
  public String connect() {
    pusher.connect(
        new ConnectionEventListener() {
          @Override
          public void onConnectionStateChange(ConnectionStateChange change) {
            states.add(change.getCurrentState());
          }

          @Override
          public void onError(String message, String code, Exception e) {
            errorCodes.add(code == null ? "null:" + message : code);
          }
        },
        ConnectionState.ALL);
    await()
        .atMost(WAIT)
        .until(() -> pusher.getConnection().getState() == ConnectionState.CONNECTED);
    return pusher.getConnection().getSocketId();
  }

  public Inbox subscribe(String channel, String... events) {
    Inbox inbox = new Inbox();
    pusher.subscribe(channel, inbox, events);
    inbox.awaitSubscribed();
    return inbox;
  }

  public Inbox subscribePrivate(String channel, String... events) {
    Inbox inbox = new Inbox();
    pusher.subscribePrivate(channel, inbox, events);
    inbox.awaitSubscribed();
    return inbox;
  }

  public Inbox subscribePresence(String channel, String... events) {
    Inbox inbox = new Inbox();
    pusher.subscribePresence(channel, inbox, events);
    inbox.awaitSubscribed();
    return inbox;
  }

  public PrivateChannel privateChannel(String channel) {
    return pusher.getPrivateChannel(channel);
  }

  public PresenceChannel presenceChannel(String channel) {
    return pusher.getPresenceChannel(channel);
  }

  public void unsubscribe(String channel) {
    pusher.unsubscribe(channel);
  }

  /** Signs in through the user-auth endpoint and waits for {@code pusher:signin_success}. */
  public void signIn() {
    pusher.signin();
    await().atMost(WAIT).until(() -> pusher.user().userId() != null);
  }

  public Pusher pusher() {
    return pusher;
  }

  public ConnectionState state() {
    return pusher.getConnection().getState();
  }

  /** Codes of every {@code pusher:error} so far ("null:message" for errors without a code). */
  public List<String> errorCodes() {
    return List.copyOf(errorCodes);
  }

  public List<ConnectionState> states() {
    return List.copyOf(states);
  }

  /** Disconnects and waits until the SDK reports it. */
  public void disconnect() {
    pusher.disconnect();
    await().atMost(WAIT).until(() -> state() == ConnectionState.DISCONNECTED);
  }

  @Override
  public void close() {
    if (state() != ConnectionState.DISCONNECTED) {
      pusher.disconnect();
    }
  }
}
