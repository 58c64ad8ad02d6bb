package io.vask.gateway.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cache channels (PROTOCOL.md §6): the last event, or cache_miss, right after succeeding. */
class CacheChannelsTest {
  final ChannelFixture node = new ChannelFixture("{\"id\":\"1\",\"key\":\"k1\",\"secret\":\"s1\"}");

  @AfterEach
  void close() {
    node.close();
  }

  @Test
  void aSubscriberGetsTheLastEventRightAfterSucceeding() {
    node.cluster().cache().put("1", "cache-location", "moved", "{\"lat\":1}", 60);
    WireClient client = node.connect("1");
    client.subscribe("cache-location");
    assertThat(client.take())
        .containsExactly(
            "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"cache-location\","
                + "\"data\":\"{}\"}",
            "{\"event\":\"moved\",\"channel\":\"cache-location\",\"data\":\"{\\\"lat\\\":1}\"}");
    assertThat(node.webhooks().events()).doesNotContain("cache_miss 1 cache-location");
  }

  @Test
  void anEmptyCacheIsACacheMissFrameAndOneWebhookForManySubscribers() {
    WireClient first = node.connect("1");
    first.subscribe("cache-location");
    assertThat(first.take())
        .containsExactly(
            "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"cache-location\","
                + "\"data\":\"{}\"}",
            "{\"event\":\"pusher:cache_miss\",\"channel\":\"cache-location\",\"data\":\"{}\"}");
    WireClient second = node.connect("1");
    second.subscribe("cache-location");
    assertThat(second.take()).last().asString().contains("pusher:cache_miss");

    assertThat(node.webhooks().events()).containsOnlyOnce("cache_miss 1 cache-location");
  }

  @Test
  void aMissIsNewsAgainOnceTheCacheWasSeenPopulated() {
    node.connect("1").subscribe("cache-location");
    node.cluster().cache().put("1", "cache-location", "moved", "1", 60);
    node.connect("1").subscribe("cache-location");
    node.cluster().cache().put("1", "cache-location", "moved", "1", 0);
    node.connect("1").subscribe("cache-location");
    assertThat(node.webhooks().events()).filteredOn(e -> e.startsWith("cache_miss")).hasSize(2);
  }

  @Test
  void ordinaryChannelsHaveNoCache() {
    node.cluster().cache().put("1", "location", "moved", "1", 60);
    WireClient client = node.connect("1");
    client.subscribe("location");
    assertThat(client.take()).hasSize(1);
  }
}
