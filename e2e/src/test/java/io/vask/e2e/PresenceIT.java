package io.vask.e2e;

import static io.vask.e2e.support.ApiCalls.get;
import static io.vask.e2e.support.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.client.channel.User;
import io.vask.contract.AppSettings;
import io.vask.e2e.support.AuthEndpoint;
import io.vask.e2e.support.E2eGateway;
import io.vask.e2e.support.Inbox;
import io.vask.e2e.support.SdkClient;
import io.vask.e2e.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presence with pusher-java-client (PROTOCOL.md §2.6): members see each other with their user info,
 * and membership is per user, so a user with two connections joins and leaves once.
 *
 * <p>To show that a frame did <em>not</em> arrive, the watcher waits for a sentinel event triggered
 * afterwards: frames on one connection arrive in order, so once the sentinel is in, anything sent
 * before it would be too.
 */
class PresenceIT {
  private static final AppSettings APP = TestApps.app("presence");
  private static E2eGateway gateway;
  private static AuthEndpoint auth;
  private static com.pusher.rest.Pusher api;
  private final List<SdkClient> clients = new ArrayList<>();
  private int sentinels;

  @BeforeAll
  static void start() {
    gateway = E2eGateway.start(APP);
    auth = AuthEndpoint.start(APP);
    api = gateway.api(APP);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
    auth.close();
    gateway.close();
  }

  @AfterEach
  void disconnect() {
    clients.forEach(SdkClient::close);
  }

  private SdkClient connected(String userId) {
    SdkClient client = gateway.client(APP, auth, userId);
    clients.add(client);
    client.connect();
    return client;
  }

  /** Triggers a sentinel and waits until {@code inbox} has it: earlier frames are in too. */
  private void settle(String channel, Inbox inbox) {
    String marker = "{\"sentinel\":" + (++sentinels) + "}";
    ok(api.trigger(channel, "sentinel", Map.of("sentinel", sentinels)));
    inbox.awaitEvent(event -> marker.equals(event.getData()));
  }

  @Test
  void twoUsersSeeEachOtherJoinAndLeave() {
    String channel = "presence-pair";
    SdkClient ann = connected("ann");
    Inbox annInbox = ann.subscribePresence(channel, "sentinel");
    assertThat(annInbox.initialMembers()).extracting(User::getId).containsExactly("ann");

    SdkClient bob = connected("bob");
    Inbox bobInbox = bob.subscribePresence(channel, "sentinel");
    assertThat(bobInbox.initialMembers())
        .extracting(User::getId)
        .containsExactlyInAnyOrder("ann", "bob");
    User annAsBobSeesHer =
        bobInbox.initialMembers().stream().filter(u -> u.getId().equals("ann")).findFirst().get();
    assertThat(annAsBobSeesHer.getInfo()).contains("User ann");

    settle(channel, annInbox);
    assertThat(annInbox.joined()).containsExactly("bob");
    assertThat(ann.presenceChannel(channel).getUsers())
        .extracting(User::getId)
        .containsExactlyInAnyOrder("ann", "bob");

    bob.disconnect();
    settle(channel, annInbox);
    assertThat(annInbox.left()).containsExactly("bob");
    assertThat(ann.presenceChannel(channel).getUsers())
        .extracting(User::getId)
        .containsExactly("ann");
  }

  @Test
  void aUserWithTwoConnectionsIsOneMemberJoiningAndLeavingOnce() {
    String channel = "presence-tabs";
    SdkClient watcher = connected("watcher");
    Inbox watcherInbox = watcher.subscribePresence(channel, "sentinel");

    SdkClient firstTab = connected("carol");
    firstTab.subscribePresence(channel);
    SdkClient secondTab = connected("carol");
    Inbox secondInbox = secondTab.subscribePresence(channel);
    assertThat(secondInbox.initialMembers())
        .extracting(User::getId)
        .containsExactlyInAnyOrder("watcher", "carol");

    settle(channel, watcherInbox);
    assertThat(watcherInbox.joined()).containsExactly("carol");
    JsonNode room =
        get(api, "/channels/" + channel, Map.of("info", "user_count,subscription_count"));
    assertThat(room.get("user_count").asInt()).isEqualTo(2);
    assertThat(room.get("subscription_count").asInt()).isEqualTo(3);
    JsonNode users = get(api, "/channels/" + channel + "/users", Map.of());
    assertThat(users.get("users").findValuesAsText("id"))
        .containsExactlyInAnyOrder("watcher", "carol");

    firstTab.disconnect();
    settle(channel, watcherInbox);
    assertThat(watcherInbox.left()).as("carol still has a tab open").isEmpty();

    secondTab.unsubscribe(channel);
    settle(channel, watcherInbox);
    assertThat(watcherInbox.left()).containsExactly("carol");
    assertThat(watcherInbox.joined()).containsExactly("carol");
    assertThat(get(api, "/channels/" + channel + "/users", Map.of()).get("users").size())
        .isEqualTo(1);
  }
}
