package io.vask.gateway.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Walks the catalog: Pusher's code ranges (PROTOCOL.md §1.7), close flags and templates. */
class PusherErrorTest {

  @ParameterizedTest
  @EnumSource(PusherError.class)
  void codesAreInPushersRangesAndTheCloseFlagFollowsTheRange(PusherError error) {
    if (error.code() == null) {
      assertThat(error.closes()).as("%s has no code, so it cannot close", error).isFalse();
      return;
    }
    int code = error.code();
    assertThat(code).as("%s", error).isBetween(4000, 4399);
    // 4000–4099 no reconnect, 4100–4199 back-off, 4200–4299 reconnect now: all close the socket;
    // 4300–4399 are in-band (pusher-js stops reconnecting on a close >= 4300)
    assertThat(error.closes()).as("%s (%d)", error, code).isEqualTo(code < 4300);
  }

  @ParameterizedTest
  @EnumSource(PusherError.class)
  void templatesHaveOnlyWellFormedUniquePlaceholders(PusherError error) {
    MessageTemplate template = error.template();
    String withoutPlaceholders = template.text().replaceAll("\\{[A-Za-z]+}", "");
    assertThat(withoutPlaceholders).as("%s", error).doesNotContain("{", "}");
    Set<String> names = new HashSet<>(template.parameters());
    assertThat(names).as("%s", error).hasSameSizeAs(template.parameters());
    assertThat(template.text()).as("%s", error).isNotBlank();
  }

  @ParameterizedTest
  @EnumSource(PusherError.class)
  void closingErrorsFitACloseReason(PusherError error) {
    if (error.closes() && error.template().parameters().isEmpty()) {
      // the close frame repeats the message; longer reasons would be cut (RFC 6455: 123 bytes)
      assertThat(error.template().text().getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .as("%s", error)
          .hasSizeLessThanOrEqualTo(123);
    }
  }

  @Test
  void withFillsPlaceholdersInOrderAndKeepsTheEntry() {
    PusherError.Message sent = PusherError.APP_NOT_FOUND.with("abc");

    assertThat(sent.message())
        .isEqualTo("App key abc not in this cluster. Did you forget to specify the cluster?");
    assertThat(sent.code()).isEqualTo(4001);
    assertThat(sent.closes()).isTrue();
    assertThat(PusherError.AUTH_BAD_SIGNATURE.with("1.2:private-a", "ff").message())
        .isEqualTo(
            "Invalid signature: Expected HMAC SHA256 hex digest of 1.2:private-a, but got ff");
    assertThat(PusherError.RATE_LIMITED.with().closes()).isFalse();
  }

  @Test
  void anArgumentThatLooksLikeAPlaceholderIsSentAsIs() {
    assertThat(PusherError.ALREADY_SUBSCRIBED.with("{channel}").message())
        .isEqualTo("Existing subscription to channel {channel}");
  }

  @Test
  void theWrongNumberOfArgumentsIsAProgrammingError() {
    assertThatThrownBy(() -> PusherError.ALREADY_SUBSCRIBED.with())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[channel]");
    assertThatThrownBy(() -> PusherError.APP_DISABLED.with("extra"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
