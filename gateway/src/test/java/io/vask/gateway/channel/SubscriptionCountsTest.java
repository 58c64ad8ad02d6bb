package io.vask.gateway.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code pusher_internal:subscription_count} (PROTOCOL.md §8) when the app enables it. */
class SubscriptionCountsTest {
  final ChannelFixture node =
      new ChannelFixture(
          "{\"id\":\"1\",\"key\":\"k1\",\"secret\":\"s1\",\"subscriptionCount\":true}",
          "{\"id\":\"2\",\"key\":\"k2\",\"secret\":\"s2\"}");

  @AfterEach
  void close() {
    node.close();
  }

  static String count(String channel, int n) {
    return "{\"event\":\"pusher_internal:subscription_count\",\"channel\":\""
        + channel
        + "\",\"data\":\"{\\\"subscription_count\\\":"
        + n
        + "}\"}";
  }

  @Test
  void everySubscriberHearsEveryChangeIncludingTheNewOneAfterSucceeding() {
    WireClient first = node.connect("1");
    first.subscribe("news");
    assertThat(first.take())
        .containsExactly(
            "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"news\","
                + "\"data\":\"{}\"}",
            count("news", 1));
    WireClient second = node.connect("1");
    second.subscribe("news");
    assertThat(first.take()).containsExactly(count("news", 2));
    assertThat(second.take()).last().isEqualTo(count("news", 2));

    second.unsubscribe("news");
    assertThat(first.take()).containsExactly(count("news", 1));
    assertThat(node.webhooks().events())
        .containsSubsequence(
            "subscription_count 1 news 1",
            "subscription_count 1 news 2",
            "subscription_count 1 news 1");
  }

  @Test
  void presenceChannelsGetNoCount() {
    WireClient client = node.connect("1");
    client.subscribePresence("presence-room", "{\"user_id\":\"1\"}");
    assertThat(client.take())
        .singleElement()
        .asString()
        .contains("pusher_internal:subscription_succeeded");
  }

  @Test
  void appsWithoutTheSettingGetNoCount() {
    WireClient client = node.connect("2");
    client.subscribe("news");
    node.connect("2").subscribe("news");
    assertThat(client.take()).hasSize(1);
    assertThat(node.webhooks().events()).noneMatch(e -> e.startsWith("subscription_count"));
  }
}
