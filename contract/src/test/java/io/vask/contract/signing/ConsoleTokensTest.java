package io.vask.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleTokensTest {
  private static final long EXPIRES = 2_000_000_000L;
  // printf 'vask-console\n42\n2000000000' | openssl dgst -sha256 -hmac s3cret (as scripts/run-demo)
  private static final String TOKEN =
      "42.2000000000.bd1b1752107a8ebe63d454c0856d56ec10ee04a39aa11a7c5dfdc2fae3bc77df";

  @Test
  void mintsWhatOpensslComputes() {
    assertThat(ConsoleTokens.mint("42", "s3cret", EXPIRES)).isEqualTo(TOKEN);
  }

  @Test
  void aTokenIsValidWithItsSecretUntilItExpires() {
    var claim = ConsoleTokens.parse(TOKEN).orElseThrow();

    assertThat(claim.appId()).isEqualTo("42");
    assertThat(claim.isValid("s3cret", EXPIRES - 60)).isTrue();
    assertThat(claim.isValid("other", EXPIRES - 60)).isFalse();
    assertThat(claim.isValid("s3cret", EXPIRES + 1)).isFalse();
  }

  @Test
  void aTokenLivingLongerThanADayIsRefused() {
    var claim = ConsoleTokens.parse(TOKEN).orElseThrow();

    assertThat(claim.isValid("s3cret", EXPIRES - ConsoleTokens.MAX_LIFETIME_SECONDS - 1)).isFalse();
  }

  @Test
  void malformedTokensHaveNoClaim() {
    assertThat(ConsoleTokens.parse(null)).isEmpty();
    assertThat(ConsoleTokens.parse("42.soon.abc")).isEmpty();
    assertThat(ConsoleTokens.parse("42.2000000000")).isEmpty();
  }
}
