package io.vask.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Client frames as real SDKs send them (PROTOCOL.md §1.2, §2.3, §4.1, §5.1, §12.6). */
class ClientMessageParserTest {

  @Test
  void subscribeWithObjectOrStringData() {
    assertThat(
            ClientMessageParser.parse(
                "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"my-channel\",\"auth\":\"\"}}"))
        .isEqualTo(new ClientMessage.Subscribe("my-channel", "", null));
    assertThat(
            ClientMessageParser.parse(
                "{\"event\":\"pusher:subscribe\",\"data\":\"{\\\"channel\\\":\\\"x\\\"}\"}"))
        .isEqualTo(new ClientMessage.Subscribe("x", null, null));
    assertThat(
            ClientMessageParser.parse(
                "{\"event\":\"pusher:subscribe\",\"data\":{\"auth\":\"k:s\",\"channel_data\":\"{\\\"user_id\\\":10}\",\"channel\":\"presence-foobar\"}}"))
        .isEqualTo(new ClientMessage.Subscribe("presence-foobar", "k:s", "{\"user_id\":10}"));
  }

  @Test
  void pingWithoutDataAsPusherWebsocketJavaSendsIt() {
    assertThat(ClientMessageParser.parse("{\"event\": \"pusher:ping\"}"))
        .isInstanceOf(ClientMessage.Ping.class);
  }

  @Test
  void clientEventDataIsStringifiedUnlessItIsAString() {
    assertThat(
            ClientMessageParser.parse(
                "{\"event\":\"client-typing\",\"channel\":\"private-a\",\"data\":{\"x\":1}}"))
        .isEqualTo(new ClientMessage.ClientEvent("client-typing", "private-a", "{\"x\":1}"));
    assertThat(
            ClientMessageParser.parse(
                "{\"event\":\"client-typing\",\"channel\":\"private-a\",\"data\":\"{\\\"x\\\":1}\"}"))
        .isEqualTo(new ClientMessage.ClientEvent("client-typing", "private-a", "{\"x\":1}"));
  }

  @Test
  void signin() {
    assertThat(
            ClientMessageParser.parse(
                "{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"k:s\",\"user_data\":\"{\\\"id\\\":\\\"1\\\"}\"}}"))
        .isEqualTo(new ClientMessage.Signin("k:s", "{\"id\":\"1\"}"));
  }

  @Test
  void badInputBecomesAnInBandError() {
    assertThat(ClientMessageParser.parse("not json"))
        .isEqualTo(new ClientMessage.Invalid(PusherError.INVALID_JSON.with()));
    assertThat(ClientMessageParser.parse("[1,2]"))
        .isEqualTo(new ClientMessage.Invalid(PusherError.INVALID_JSON.with()));
    assertThat(ClientMessageParser.parse("{\"event\":1}"))
        .isInstanceOf(ClientMessage.Invalid.class);
    assertThat(ClientMessageParser.parse("{\"event\":\"pusher:subscribe\",\"data\":5}"))
        .isInstanceOf(ClientMessage.Invalid.class);
    assertThat(ClientMessageParser.parse("{\"event\":\"hello\",\"channel\":\"x\"}"))
        .isInstanceOf(ClientMessage.Invalid.class);
    assertThat(ClientMessageParser.parse("{\"event\":\"client-x\"}"))
        .isInstanceOf(ClientMessage.Invalid.class);
  }

  @Test
  void unknownPusherEventsAreIgnored() {
    assertThat(ClientMessageParser.parse("{\"event\":\"pusher:whatever\"}"))
        .isEqualTo(new ClientMessage.Ignored("pusher:whatever"));
  }
}
