package io.vask.gateway.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Client events (PROTOCOL.md §4): every rule an in-band error, delivery to everyone else. */
class ClientEventsTest {
  static final String ENABLED =
      "{\"id\":\"1\",\"key\":\"k1\",\"secret\":\"s1\",\"clientEvents\":true,"
          + "\"maxMessageBytes\":1024,\"clientEventsPerSecond\":2}";
  static final String DISABLED = "{\"id\":\"2\",\"key\":\"k2\",\"secret\":\"s2\"}";
  final ChannelFixture node = new ChannelFixture(ENABLED, DISABLED);

  @AfterEach
  void close() {
    node.close();
  }

  static String error(String message) {
    return "{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":\"" + message + "\"}}";
  }

  @Test
  void reachesEveryOtherSubscriberOnAnyLoopButNotTheSender() {
    WireClient sender = node.connect("1");
    WireClient first = node.connect("1");
    WireClient second = node.connect("1");
    for (WireClient client : new WireClient[] {sender, first, second}) {
      client.subscribeSigned("private-chat");
      client.take();
    }
    sender.trigger("private-chat", "client-typing", "{\"x\":1}");

    String frame =
        "{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":\"{\\\"x\\\":1}\"}";
    assertThat(first.take()).containsExactly(frame);
    assertThat(second.take()).containsExactly(frame);
    assertThat(sender.take()).isEmpty();
    assertThat(node.webhooks().events())
        .contains(
            "client_event 1 private-chat client-typing {\"x\":1} " + sender.socketId() + " null");
  }

  @Test
  void onPresenceChannelsTheFrameCarriesTheSendersUserIdAndStringDataStaysAsSent() {
    WireClient ann = node.connect("1");
    WireClient bob = node.connect("1");
    ann.subscribePresence("presence-room", "{\"user_id\":\"1\"}");
    bob.subscribePresence("presence-room", "{\"user_id\":\"2\"}");
    bob.take();
    ann.send(
        "{\"event\":\"client-hi\",\"channel\":\"presence-room\",\"data\":\"plain\","
            + "\"user_id\":\"forged\"}");
    assertThat(bob.take())
        .containsExactly(
            "{\"event\":\"client-hi\",\"channel\":\"presence-room\",\"data\":\"plain\","
                + "\"user_id\":\"1\"}");
  }

  @Test
  void eventNamesMustStartWithClient() {
    WireClient client = subscribedTo("1", "private-chat");
    client.trigger("private-chat", "typing", "{}");
    assertThat(client.take())
        .containsExactly(
            error("Client event rejected: event name \\\"typing\\\" must start with client-"));
  }

  @Test
  void refusedWhenTheAppDisablesThem() {
    WireClient client = subscribedTo("2", "private-chat");
    client.trigger("private-chat", "client-typing", "{}");
    assertThat(client.take())
        .containsExactly(
            error(
                "To send client events, you must enable this feature in the Settings page of"
                    + " your dashboard."));
  }

  @Test
  void onlyOnPrivateAndPresenceChannels() {
    WireClient client = node.connect("1");
    client.subscribe("public");
    client.subscribeSigned("private-encrypted-secret");
    client.take();
    client.trigger("public", "client-typing", "{}");
    client.trigger("private-encrypted-secret", "client-typing", "{}");
    assertThat(client.take())
        .containsExactly(
            error("Client event rejected - only supported on private and presence channels"),
            error("Client event rejected - not supported on encrypted channels"));
  }

  @Test
  void theSenderMustBeSubscribed() {
    WireClient listener = subscribedTo("1", "private-chat");
    WireClient outsider = node.connect("1");
    outsider.trigger("private-chat", "client-typing", "{}");
    assertThat(outsider.take())
        .containsExactly(error("Client event rejected - not subscribed to channel private-chat"));
    assertThat(listener.take()).isEmpty();
  }

  @Test
  void nameAndDataHaveLimits() {
    WireClient client = subscribedTo("1", "private-chat");
    client.trigger("private-chat", "client-" + "x".repeat(194), "{}");
    client.trigger("private-chat", "client-e", "\"" + "x".repeat(1025) + "\"");
    assertThat(client.take())
        .containsExactly(
            error("Client event rejected - event name is longer than 200 characters"),
            error("Client event rejected - data is larger than 1024 bytes"));
  }

  @Test
  void overTheRateLimitEventsAreDroppedWith4301AndTheSocketStaysOpen() {
    WireClient sender = subscribedTo("1", "private-chat");
    WireClient listener = subscribedTo("1", "private-chat");
    // 2 per second: of 100 events sent at once, nearly all are over the limit
    for (int i = 0; i < 100; i++) {
      sender.trigger("private-chat", "client-n", Integer.toString(i));
    }
    assertThat(sender.take())
        .contains(
            "{\"event\":\"pusher:error\",\"data\":{\"code\":4301,\"message\":"
                + "\"Client event rejected due to rate limit\"}}");
    assertThat(sender.closeCode()).isNull();
    assertThat(listener.take().size()).isBetween(2, 50);
  }

  private WireClient subscribedTo(String appId, String channel) {
    WireClient client = node.connect(appId);
    client.subscribeSigned(channel);
    client.take();
    return client;
  }
}
