package io.vask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionState;
import io.vask.contract.AppSettings;
import io.vask.e2e.support.AuthEndpoint;
import io.vask.e2e.support.E2eGateway;
import io.vask.e2e.support.Inbox;
import io.vask.e2e.support.SdkClient;
import io.vask.e2e.support.TestApps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Client events between pusher-java-client connections (PROTOCOL.md §4): delivered to the others on
 * private and presence channels, never echoed, {@code user_id} on presence, refused when the app
 * turns them off, and rate limited with an in-band 4301 that keeps the socket open.
 */
class ClientEventsIT {
  private static final AppSettings OPEN = TestApps.app("chat");
  private static final AppSettings CLOSED = TestApps.app("quiet", false, null, null, null);
  private static final AppSettings THROTTLED = TestApps.app("throttled", true, null, 2, null);
  private static E2eGateway gateway;
  private static AuthEndpoint openAuth;
  private static AuthEndpoint closedAuth;
  private static AuthEndpoint throttledAuth;
  private final List<SdkClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() {
    gateway = E2eGateway.start(OPEN, CLOSED, THROTTLED);
    openAuth = AuthEndpoint.start(OPEN);
    closedAuth = AuthEndpoint.start(CLOSED);
    throttledAuth = AuthEndpoint.start(THROTTLED);
  }

  @AfterAll
  static void stop() {
    openAuth.close();
    closedAuth.close();
    throttledAuth.close();
    gateway.close();
  }

  @AfterEach
  void disconnect() {
    clients.forEach(SdkClient::close);
  }

  private SdkClient connected(AppSettings app, AuthEndpoint auth, String userId) {
    SdkClient client = gateway.client(app, auth, userId);
    clients.add(client);
    client.connect();
    return client;
  }

  @Test
  void privateChannelEventsReachTheOtherClientAndAreNeverEchoed() {
    String channel = "private-whispers";
    SdkClient ann = connected(OPEN, openAuth, "ann");
    SdkClient bob = connected(OPEN, openAuth, "bob");
    Inbox annInbox = ann.subscribePrivate(channel, "client-typing", "client-reply");
    Inbox bobInbox = bob.subscribePrivate(channel, "client-typing");

    ann.privateChannel(channel).trigger("client-typing", "{\"x\":1}");
    PusherEvent typing = bobInbox.awaitEvent("client-typing");
    assertThat(typing.getData()).isEqualTo("{\"x\":1}");
    assertThat(typing.getUserId()).as("no user_id on private channels").isNull();

    // Bob answers only after he got Ann's event, so an echo to Ann would arrive before the reply.
    bob.privateChannel(channel).trigger("client-reply", "{\"ok\":true}");
    annInbox.awaitEvent("client-reply");
    assertThat(annInbox.events("client-typing")).isEmpty();
    assertThat(ann.errorCodes()).isEmpty();
  }

  @Test
  void presenceChannelEventsCarryTheSendersUserId() {
    String channel = "presence-huddle";
    SdkClient ann = connected(OPEN, openAuth, "ann");
    SdkClient bob = connected(OPEN, openAuth, "bob");
    Inbox annInbox = ann.subscribePresence(channel, "client-wave", "client-reply");
    Inbox bobInbox = bob.subscribePresence(channel, "client-wave");

    ann.presenceChannel(channel).trigger("client-wave", "{\"hand\":\"left\"}");
    PusherEvent wave = bobInbox.awaitEvent("client-wave");
    assertThat(wave.getUserId()).isEqualTo("ann");
    assertThat(wave.getData()).isEqualTo("{\"hand\":\"left\"}");

    bob.presenceChannel(channel).trigger("client-reply", "{}");
    assertThat(annInbox.awaitEvent("client-reply").getUserId()).isEqualTo("bob");
    assertThat(annInbox.events("client-wave")).isEmpty();
  }

  @Test
  void anAppWithClientEventsOffAnswersWithAnErrorAndKeepsTheSocket() {
    String channel = "private-muted";
    SdkClient ann = connected(CLOSED, closedAuth, "ann");
    SdkClient bob = connected(CLOSED, closedAuth, "bob");
    ann.subscribePrivate(channel);
    Inbox bobInbox = bob.subscribePrivate(channel, "client-typing");

    ann.privateChannel(channel).trigger("client-typing", "{}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                ann.errorCodes().stream()
                    .anyMatch(code -> code.startsWith("null:To send client events")));
    assertThat(ann.state()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(bobInbox.events("client-typing")).isEmpty();
  }

  @Test
  void aBurstOverTheRateLimitIsPartlyDroppedWith4301AndTheSocketStays() {
    String channel = "private-burst";
    SdkClient ann = connected(THROTTLED, throttledAuth, "ann");
    SdkClient bob = connected(THROTTLED, throttledAuth, "bob");
    ann.subscribePrivate(channel);
    Inbox bobInbox = bob.subscribePrivate(channel, "client-burst");

    int burst = 12;
    for (int i = 0; i < burst; i++) {
      ann.privateChannel(channel).trigger("client-burst", "{\"i\":" + i + "}");
    }
    // Every event is either delivered to Bob or refused to Ann with 4301.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> bobInbox.events("client-burst").size() + rateLimited(ann) == burst);
    assertThat(rateLimited(ann)).isPositive();
    assertThat(bobInbox.events("client-burst")).isNotEmpty();
    assertThat(bobInbox.events("client-burst").get(0).getData()).isEqualTo("{\"i\":0}");
    assertThat(ann.state()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(ann.states()).doesNotContain(ConnectionState.RECONNECTING);
  }

  private static long rateLimited(SdkClient client) {
    return client.errorCodes().stream().filter("4301"::equals).count();
  }
}
