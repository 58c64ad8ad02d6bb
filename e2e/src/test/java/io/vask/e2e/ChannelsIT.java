package io.vask.e2e;

import static io.vask.e2e.support.ApiCalls.get;
import static io.vask.e2e.support.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.client.channel.PusherEvent;
import com.pusher.rest.data.Event;
import io.vask.contract.AppSettings;
import io.vask.e2e.support.Inbox;
import io.vask.e2e.support.OneAppFixture;
import io.vask.e2e.support.SdkClient;
import io.vask.e2e.support.TestApps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Public, private and presence channels with pusher-java-client subscribing (authorized through a
 * customer-style auth endpoint) and pusher-http-java triggering and querying (PROTOCOL.md §2, §9).
 */
class ChannelsIT {
  private static final AppSettings APP = TestApps.app("channels");
  @RegisterExtension static final OneAppFixture FIXTURE = new OneAppFixture(APP);

  @Test
  void everyChannelTypeReceivesOneTriggerToSeveralChannels() {
    SdkClient client = FIXTURE.connected("ann");
    Inbox news = client.subscribe("news", "update");
    Inbox orders = client.subscribePrivate("private-orders", "update");
    Inbox lobby = client.subscribePresence("presence-lobby", "update");

    ok(
        FIXTURE
            .api()
            .trigger(
                List.of("news", "private-orders", "presence-lobby"), "update", Map.of("n", 1)));

    for (Inbox inbox : List.of(news, orders, lobby)) {
      PusherEvent event = inbox.awaitEvent("update");
      assertThat(event.getData()).isEqualTo("{\"n\":1}");
    }
    assertThat(news.awaitEvent("update").getChannelName()).isEqualTo("news");
    assertThat(lobby.awaitEvent("update").getChannelName()).isEqualTo("presence-lobby");
  }

  @Test
  void batchTriggerDeliversEachEventToItsChannel() {
    SdkClient client = FIXTURE.connected("bob");
    Inbox first = client.subscribe("batch-one", "tick");
    Inbox second = client.subscribePrivate("private-batch-two", "tock");

    ok(
        FIXTURE
            .api()
            .trigger(
                List.of(
                    new Event("batch-one", "tick", Map.of("i", 1)),
                    new Event("private-batch-two", "tock", Map.of("i", 2)))));

    assertThat(first.awaitEvent("tick").getData()).isEqualTo("{\"i\":1}");
    assertThat(second.awaitEvent("tock").getData()).isEqualTo("{\"i\":2}");
  }

  @Test
  void socketIdExcludesTheTriggeringConnectionOnly() {
    SdkClient author = FIXTURE.connected("author");
    SdkClient reader = FIXTURE.connected("reader");
    String authorSocket = author.pusher().getConnection().getSocketId();
    Inbox authorInbox = author.subscribe("comments", "posted");
    Inbox readerInbox = reader.subscribe("comments", "posted");

    ok(FIXTURE.api().trigger("comments", "posted", Map.of("seq", "excluded"), authorSocket));
    ok(FIXTURE.api().trigger("comments", "posted", Map.of("seq", "everyone")));

    readerInbox.awaitEvent(e -> e.getData().contains("everyone"));
    assertThat(readerInbox.events("posted")).hasSize(2);
    // Events on one connection arrive in order: the author's first event is the second trigger.
    PusherEvent authorsFirst = authorInbox.awaitEvent("posted");
    assertThat(authorsFirst.getData()).contains("everyone");
    assertThat(authorInbox.events("posted")).hasSize(1);
  }

  @Test
  void channelQueriesAnswerWithCountsAndMembers() {
    SdkClient ann = FIXTURE.connected("q-ann");
    SdkClient bob = FIXTURE.connected("q-bob");
    ann.subscribePresence("presence-query-room");
    bob.subscribePresence("presence-query-room");
    ann.subscribe("query-public");
    bob.subscribe("query-public");

    JsonNode presence =
        get(
            FIXTURE.api(),
            "/channels",
            Map.of("filter_by_prefix", "presence-query", "info", "user_count"));
    assertThat(presence.get("channels").size()).isEqualTo(1);
    assertThat(presence.at("/channels/presence-query-room/user_count").asInt()).isEqualTo(2);

    JsonNode all = get(FIXTURE.api(), "/channels", Map.of("filter_by_prefix", "query-"));
    assertThat(all.get("channels").has("query-public")).isTrue();
    assertThat(all.at("/channels/query-public").size()).isZero();

    JsonNode info =
        get(FIXTURE.api(), "/channels/query-public", Map.of("info", "subscription_count"));
    assertThat(info.get("occupied").asBoolean()).isTrue();
    assertThat(info.get("subscription_count").asInt()).isEqualTo(2);

    JsonNode room =
        get(
            FIXTURE.api(),
            "/channels/presence-query-room",
            Map.of("info", "user_count,subscription_count"));
    assertThat(room.get("user_count").asInt()).isEqualTo(2);
    assertThat(room.get("subscription_count").asInt()).isEqualTo(2);

    JsonNode users = get(FIXTURE.api(), "/channels/presence-query-room/users", Map.of());
    assertThat(users.get("users").findValuesAsText("id"))
        .containsExactlyInAnyOrder("q-ann", "q-bob");

    JsonNode empty =
        get(FIXTURE.api(), "/channels/nobody-here", Map.of("info", "subscription_count"));
    assertThat(empty.get("occupied").asBoolean()).isFalse();
  }

  @Test
  void triggerWithInfoReturnsCountsPerChannel() {
    SdkClient ann = FIXTURE.connected("i-ann");
    SdkClient bob = FIXTURE.connected("i-bob");
    ann.subscribePresence("presence-info-room");
    bob.subscribePresence("presence-info-room");
    ann.subscribe("info-public");

    JsonNode answer =
        ok(
            FIXTURE
                .api()
                .post(
                    "/events",
                    "{\"name\":\"ping\",\"data\":\"{}\",\"channels\":[\"presence-info-room\","
                        + "\"info-public\"],\"info\":\"user_count,subscription_count\"}"));

    assertThat(answer.at("/channels/presence-info-room/user_count").asInt()).isEqualTo(2);
    assertThat(answer.at("/channels/presence-info-room/subscription_count").asInt()).isEqualTo(2);
    assertThat(answer.at("/channels/info-public/subscription_count").asInt()).isEqualTo(1);
    assertThat(answer.at("/channels/info-public").has("user_count")).isFalse();
    assertThat(ok(FIXTURE.api().trigger("info-public", "ping", Map.of())).size()).isZero();
  }
}
