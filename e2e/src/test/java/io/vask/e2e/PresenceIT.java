package io.vask.e2e;

import static io.vask.e2e.support.ApiCalls.get;
import static io.vask.e2e.support.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.client.channel.User;
import io.vask.contract.AppSettings;
import io.vask.e2e.support.Inbox;
import io.vask.e2e.support.OneAppFixture;
import io.vask.e2e.support.SdkClient;
import io.vask.e2e.support.TestApps;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
  @RegisterExtension static final OneAppFixture FIXTURE = new OneAppFixture(APP);
  private int sentinels;

  /** Triggers a sentinel and waits until {@code inbox} has it: earlier frames are in too. */
  private void settle(String channel, Inbox inbox) {
    String marker = "{\"sentinel\":" + (++sentinels) + "}";
    ok(FIXTURE.api().trigger(channel, "sentinel", Map.of("sentinel", sentinels)));
    inbox.awaitEvent(event -> marker.equals(event.getData()));
  }

  private static int subscriptionCount(String channel) {
    return get(FIXTURE.api(), "/channels/" + channel, Map.of("info", "subscription_count"))
        .get("subscription_count")
        .asInt();
  }

  @Test
  void twoUsersSeeEachOtherJoinAndLeave() {
    String channel = "presence-pair";
    SdkClient ann = FIXTURE.connected("ann");
    Inbox annInbox = ann.subscribePresence(channel, "sentinel");
    assertThat(annInbox.initialMembers()).extracting(User::getId).containsExactly("ann");

    SdkClient bob = FIXTURE.connected("bob");
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
    await().atMost(Duration.ofSeconds(10)).until(() -> annInbox.left().contains("bob"));
    settle(channel, annInbox);
    assertThat(annInbox.left()).containsExactly("bob");
    assertThat(ann.presenceChannel(channel).getUsers())
        .extracting(User::getId)
        .containsExactly("ann");
  }

  @Test
  void aUserWithTwoConnectionsIsOneMemberJoiningAndLeavingOnce() {
    String channel = "presence-tabs";
    SdkClient watcher = FIXTURE.connected("watcher");
    Inbox watcherInbox = watcher.subscribePresence(channel, "sentinel");

    SdkClient firstTab = FIXTURE.connected("carol");
    firstTab.subscribePresence(channel);
    SdkClient secondTab = FIXTURE.connected("carol");
    Inbox secondInbox = secondTab.subscribePresence(channel);
    assertThat(secondInbox.initialMembers())
        .extracting(User::getId)
        .containsExactlyInAnyOrder("watcher", "carol");

    settle(channel, watcherInbox);
    assertThat(watcherInbox.joined()).containsExactly("carol");
    JsonNode room =
        get(FIXTURE.api(), "/channels/" + channel, Map.of("info", "user_count,subscription_count"));
    assertThat(room.get("user_count").asInt()).isEqualTo(2);
    assertThat(room.get("subscription_count").asInt()).isEqualTo(3);
    JsonNode users = get(FIXTURE.api(), "/channels/" + channel + "/users", Map.of());
    assertThat(users.get("users").findValuesAsText("id"))
        .containsExactlyInAnyOrder("watcher", "carol");

    firstTab.disconnect();
    await().atMost(Duration.ofSeconds(10)).until(() -> subscriptionCount(channel) == 2);
    settle(channel, watcherInbox);
    assertThat(watcherInbox.left()).as("carol still has a tab open").isEmpty();

    secondTab.unsubscribe(channel);
    await().atMost(Duration.ofSeconds(10)).until(() -> watcherInbox.left().contains("carol"));
    settle(channel, watcherInbox);
    assertThat(watcherInbox.left()).containsExactly("carol");
    assertThat(watcherInbox.joined()).containsExactly("carol");
    assertThat(get(FIXTURE.api(), "/channels/" + channel + "/users", Map.of()).get("users").size())
        .isEqualTo(1);
  }
}
