package io.vask.gateway.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subscribe and unsubscribe on the wire (PROTOCOL.md §2, §3): frames a client gets back. */
class SubscriptionsTest {
  static final String APP =
      "{\"id\":\"1\",\"key\":\"278d425bdf160c739803\",\"secret\":\"7ad3773142a6692b25b8\"}";
  final ChannelFixture node = new ChannelFixture(APP);

  @AfterEach
  void close() {
    node.close();
  }

  @Test
  void publicChannelSucceedsWithoutAuth() {
    WireClient client = node.connect("1");
    client.subscribe("my-channel");
    assertThat(client.take())
        .containsExactly(
            "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"my-channel\",\"data\":\"{}\"}");
    assertThat(node.webhooks().events()).containsExactly("channel_occupied 1 my-channel");
  }

  @Test
  void privateChannelNeedsTheSignatureOfSocketIdAndChannel() {
    WireClient client = node.connect("1");
    client.subscribeSigned("private-foobar");
    assertThat(client.take())
        .containsExactly(
            "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"private-foobar\",\"data\":\"{}\"}");
  }

  @Test
  void wrongSignatureGetsBothErrorFramesAndNoSubscription() {
    WireClient client = node.connect("1");
    String signedForOther = client.auth("9.9:private-foobar");
    String signature = signedForOther.substring(signedForOther.indexOf(':') + 1);
    client.subscribeWithAuth("private-foobar", signedForOther);
    String message =
        "Invalid signature: Expected HMAC SHA256 hex digest of "
            + client.socketId()
            + ":private-foobar, but got "
            + signature;
    assertThat(client.take())
        .containsExactly(
            "{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":\"" + message + "\"}}",
            "{\"event\":\"pusher:subscription_error\",\"channel\":\"private-foobar\",\"data\":"
                + "{\"type\":\"AuthError\",\"error\":\""
                + message
                + "\",\"status\":401}}");
    assertThat(node.webhooks().events()).isEmpty();

    // nothing was joined: an event to the channel does not reach the client
    node.connect("1").subscribeSigned("private-foobar");
    node.cluster().bus().publish(ChannelEvents.event("1", "private-foobar", "{\"x\":1}"));
    node.settle();
    assertThat(client.take()).isEmpty();
  }

  @Test
  void wrongKeyAndMissingAuthAreRefused() {
    WireClient client = node.connect("1");
    client.subscribeWithAuth("private-a", "otherkey:abc");
    assertThat(client.take())
        .first()
        .isEqualTo(
            "{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":"
                + "\"Invalid key in subscription auth data: 'otherkey'\"}}");
    client.subscribe("private-a");
    assertThat(client.take())
        .first()
        .isEqualTo(
            "{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":"
                + "\"Auth value for subscription to private-a is required\"}}");
  }

  @Test
  void secondSubscribeToTheSameChannelIsAnErrorAndKeepsTheFirst() {
    WireClient client = node.connect("1");
    client.subscribe("news");
    client.take();
    client.subscribe("news");
    assertThat(client.take())
        .containsExactly(
            "{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":"
                + "\"Existing subscription to channel news\"}}");
    node.cluster().bus().publish(ChannelEvents.event("1", "news", "1"));
    node.settle();
    assertThat(client.take()).hasSize(1);
  }

  @Test
  void invalidChannelNameIsRefused() {
    WireClient client = node.connect("1");
    client.subscribe("bad name");
    assertThat(client.take())
        .hasSize(2)
        .last()
        .asString()
        .startsWith(
            "{\"event\":\"pusher:subscription_error\",\"channel\":\"bad name\",\"data\":"
                + "{\"type\":\"InvalidChannel\"");
  }

  @Test
  void unsubscribeStopsDeliveryAndVacatesAfterTheGrace() {
    WireClient client = node.connect("1");
    client.subscribe("news");
    client.take();
    client.unsubscribe("news");
    assertThat(client.take()).as("unsubscribe has no reply").isEmpty();

    node.cluster().bus().publish(ChannelEvents.event("1", "news", "after"));
    node.settle();
    assertThat(client.take()).isEmpty();
    assertThat(node.webhooks().events()).containsExactly("channel_occupied 1 news");
    node.endGrace();
    assertThat(node.webhooks().events())
        .containsExactly("channel_occupied 1 news", "channel_vacated 1 news");
  }

  @Test
  void userChannelOnlyForTheConnectionSignedInAsThatUser() {
    WireClient client = node.connect("1");
    client.subscribe("#server-to-user-7");
    assertThat(client.take())
        .last()
        .isEqualTo(
            "{\"event\":\"pusher:subscription_error\",\"channel\":\"#server-to-user-7\",\"data\":"
                + "{\"type\":\"AuthError\",\"error\":\"Subscription to #server-to-user-7 is only"
                + " allowed for the connection signed in as that user\",\"status\":403}}");
  }
}
