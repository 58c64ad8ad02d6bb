package io.vask.gateway.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One delivery path (ARCHITECTURE §1.5): encoded once, one task per loop, sender excluded. */
class FanoutTest {
  final ChannelFixture node =
      new ChannelFixture(
          "{\"id\":\"1\",\"key\":\"k1\",\"secret\":\"s1\"}",
          "{\"id\":\"2\",\"key\":\"k2\",\"secret\":\"s2\"}");

  @AfterEach
  void close() {
    node.close();
  }

  @Test
  void anEventIsEncodedOnceAndReachesEverySubscriberOnBothLoops() {
    WireClient[] clients = new WireClient[5];
    for (int i = 0; i < clients.length; i++) {
      clients[i] = node.connect("1");
      clients[i].subscribe("news");
      clients[i].take();
    }
    int before = node.encoder().encoded();
    node.cluster().bus().publish(ChannelEvents.event("1", "news", "hello"));
    node.settle();

    for (WireClient client : clients) {
      assertThat(client.take()).containsExactly(ChannelEvents.frame("news", "hello"));
    }
    assertThat(node.encoder().encoded() - before).isEqualTo(1);
    assertThat(node.encoder().held()).as("every loop task released its hold").isZero();
  }

  @Test
  void theExcludedSocketIsSkipped() {
    WireClient author = node.connect("1");
    WireClient reader = node.connect("1");
    author.subscribe("news");
    reader.subscribe("news");
    author.take();
    reader.take();
    node.cluster().bus().publish(ChannelEvents.excluding("1", "news", "mine", author.socketId()));
    node.settle();
    assertThat(author.take()).isEmpty();
    assertThat(reader.take()).containsExactly(ChannelEvents.frame("news", "mine"));
  }

  @Test
  void channelsAreSeparateByNameAndByApp() {
    WireClient news = node.connect("1");
    news.subscribe("news");
    WireClient sport = node.connect("1");
    sport.subscribe("sport");
    WireClient otherApp = node.connect("2");
    otherApp.subscribe("news");
    news.take();
    sport.take();
    otherApp.take();

    node.cluster().bus().publish(ChannelEvents.event("1", "news", "x"));
    node.settle();
    assertThat(news.take()).hasSize(1);
    assertThat(sport.take()).isEmpty();
    assertThat(otherApp.take()).isEmpty();
  }

  @Test
  void aClosedConnectionGetsNothing() {
    WireClient gone = node.connect("1");
    WireClient stays = node.connect("1");
    gone.subscribe("news");
    stays.subscribe("news");
    gone.take();
    stays.take();
    gone.disconnect();
    node.cluster().bus().publish(ChannelEvents.event("1", "news", "x"));
    node.settle();
    assertThat(gone.take()).isEmpty();
    assertThat(stays.take()).hasSize(1);
    assertThat(node.registry().localCount("1", "news")).isEqualTo(1);
  }
}
