package io.vask.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden wire frames: exact text, double-encoding rules of PROTOCOL.md §1.2. */
class FramesTest {

  @Test
  void connectionEstablishedCarriesAStringSocketIdAndTimeout() {
    assertThat(Frames.connectionEstablished("123456.7890123", 120))
        .isEqualTo(
            "{\"event\":\"pusher:connection_established\",\"data\":\"{\\\"socket_id\\\":\\\"123456.7890123\\\",\\\"activity_timeout\\\":120}\"}");
  }

  @Test
  void errorDataIsAnObjectWithNullableCode() {
    assertThat(Frames.error(PusherError.PONG_NOT_RECEIVED.with()))
        .isEqualTo(
            "{\"event\":\"pusher:error\",\"data\":{\"code\":4201,\"message\":\"Pong reply not received\"}}");
    assertThat(Frames.error(PusherError.INVALID_JSON.with()))
        .isEqualTo(
            "{\"event\":\"pusher:error\",\"data\":{\"code\":null,\"message\":\"Received invalid JSON\"}}");
  }

  @Test
  void subscriptionSucceededFrames() {
    assertThat(Frames.subscriptionSucceeded("my-channel"))
        .isEqualTo(
            "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"my-channel\",\"data\":\"{}\"}");
    assertThat(
            Frames.presenceSubscriptionSucceeded(
                "presence-room",
                List.of(
                    new PresenceMember("1", "{\"name\":\"Ann\"}"),
                    new PresenceMember("7", "{\"name\":\"Bob\"}"))))
        .isEqualTo(
            "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"presence-room\",\"data\":\"{\\\"presence\\\":{\\\"ids\\\":[\\\"1\\\",\\\"7\\\"],\\\"hash\\\":{\\\"1\\\":{\\\"name\\\":\\\"Ann\\\"},\\\"7\\\":{\\\"name\\\":\\\"Bob\\\"}},\\\"count\\\":2}}\"}");
  }

  @Test
  void memberFrames() {
    assertThat(Frames.memberAdded("presence-room", new PresenceMember("7", "{\"name\":\"Bob\"}")))
        .isEqualTo(
            "{\"event\":\"pusher_internal:member_added\",\"channel\":\"presence-room\",\"data\":\"{\\\"user_id\\\":\\\"7\\\",\\\"user_info\\\":{\\\"name\\\":\\\"Bob\\\"}}\"}");
    assertThat(Frames.memberRemoved("presence-room", "7"))
        .isEqualTo(
            "{\"event\":\"pusher_internal:member_removed\",\"channel\":\"presence-room\",\"data\":\"{\\\"user_id\\\":\\\"7\\\"}\"}");
  }

  @Test
  void triggeredDataPassesThroughUnchanged() {
    assertThat(
            Frames.event(
                "secret-event",
                "private-encrypted-x",
                "{\"nonce\":\"a\",\"ciphertext\":\"b\"}",
                null))
        .isEqualTo(
            "{\"event\":\"secret-event\",\"channel\":\"private-encrypted-x\",\"data\":\"{\\\"nonce\\\":\\\"a\\\",\\\"ciphertext\\\":\\\"b\\\"}\"}");
    assertThat(Frames.event("client-typing", "presence-room", "{\"x\":1}", "7"))
        .isEqualTo(
            "{\"event\":\"client-typing\",\"channel\":\"presence-room\",\"data\":\"{\\\"x\\\":1}\",\"user_id\":\"7\"}");
  }

  @Test
  void internalAndUserFrames() {
    assertThat(Frames.subscriptionCount("my-channel", 42))
        .isEqualTo(
            "{\"event\":\"pusher_internal:subscription_count\",\"channel\":\"my-channel\",\"data\":\"{\\\"subscription_count\\\":42}\"}");
    assertThat(Frames.cacheMiss("cache-location"))
        .isEqualTo(
            "{\"event\":\"pusher:cache_miss\",\"channel\":\"cache-location\",\"data\":\"{}\"}");
    assertThat(Frames.signinSuccess("{\"id\":\"12345\"}"))
        .isEqualTo(
            "{\"event\":\"pusher:signin_success\",\"data\":{\"user_data\":\"{\\\"id\\\":\\\"12345\\\"}\"}}");
    assertThat(Frames.watchlistEvents(List.of("2", "3"), List.of("4")))
        .isEqualTo(
            "{\"event\":\"pusher_internal:watchlist_events\",\"data\":\"{\\\"events\\\":[{\\\"name\\\":\\\"online\\\",\\\"user_ids\\\":[\\\"2\\\",\\\"3\\\"]},{\\\"name\\\":\\\"offline\\\",\\\"user_ids\\\":[\\\"4\\\"]}]}\"}");
    assertThat(Frames.subscriptionError("private-foobar", "AuthError", "Invalid signature", 401))
        .isEqualTo(
            "{\"event\":\"pusher:subscription_error\",\"channel\":\"private-foobar\",\"data\":{\"type\":\"AuthError\",\"error\":\"Invalid signature\",\"status\":401}}");
  }

  @Test
  void everyFrameIsValidJsonEvenWithControlCharacters() {
    String frame = Frames.event("e\"v", "c", "line\nbreak\u0001\u2028", null);
    assertThat(Json.parse(frame)).isPresent();
    assertThat(Json.parse(frame).get().get("data").asText()).isEqualTo("line\nbreak\u0001\u2028");
  }
}
