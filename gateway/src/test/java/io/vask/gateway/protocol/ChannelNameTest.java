package io.vask.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Channel name rules and prefix resolution, longest prefix first (PROTOCOL.md §2.1–2.2). */
class ChannelNameTest {

  @ParameterizedTest(name = "{0} -> {1} cached={2}")
  @CsvSource({
    "private-encrypted-cache-x, ENCRYPTED, true",
    "private-encrypted-x, ENCRYPTED, false",
    "private-cache-x, PRIVATE, true",
    "private-x, PRIVATE, false",
    "presence-cache-x, PRESENCE, true",
    "presence-x, PRESENCE, false",
    "cache-x, PUBLIC, true",
    "cachex, PUBLIC, false",
    "privatex, PUBLIC, false",
    "my-channel, PUBLIC, false",
    "#server-to-user-auth0|abc, USER, false"
  })
  void prefixesResolveLongestFirst(String name, ChannelType type, boolean cached) {
    ChannelName channel = ChannelName.parse(name).orElseThrow();
    assertThat(channel.type()).isEqualTo(type);
    assertThat(channel.cached()).isEqualTo(cached);
  }

  @Test
  void allowedCharactersAndLength() {
    assertThat(ChannelName.parse("a-Z_0=9@,.;")).isPresent();
    assertThat(ChannelName.parse("x".repeat(200))).isPresent();
    assertThat(ChannelName.parse("x".repeat(201))).isEmpty();
    assertThat(ChannelName.parse("#server-to-user-")).isEmpty();
    assertThat(ChannelName.parse("#server-to-user-7").orElseThrow().userId()).isEqualTo("7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a:b", "#other", "ü", "a/b", "a\"b"})
  void invalidNamesAreRefused(String name) {
    assertThat(ChannelName.parse(name)).isEmpty();
  }

  @Test
  void invalidMessageSaysWhatWasExpected() {
    assertThat(PusherError.CHANNEL_NAME_INVALID.with(ChannelName.shortened("x y")).message())
        .isEqualTo(
            "channel name \"x y\" is invalid (expected 1..200 chars of [A-Za-z0-9_\\-=@,.;])");
  }
}
