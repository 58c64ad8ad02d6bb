package io.vask.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {
  private static final List<String> ALLOWED =
      List.of("https://app.example.com", "https://*.example.org", "*.example.net");

  @Test
  void exactOriginsAndSubdomainPatternsAreAllowed() {
    assertThat(AllowedOrigins.allows(ALLOWED, "https://app.example.com")).isTrue();
    assertThat(AllowedOrigins.allows(ALLOWED, "HTTPS://App.Example.com")).isTrue();
    assertThat(AllowedOrigins.allows(ALLOWED, "https://a.b.example.org")).isTrue();
    assertThat(AllowedOrigins.allows(ALLOWED, "http://x.example.net")).isTrue();
  }

  @Test
  void otherOriginsAreNot() {
    assertThat(AllowedOrigins.allows(ALLOWED, "https://evil.com")).isFalse();
    assertThat(AllowedOrigins.allows(ALLOWED, "http://app.example.com")).isFalse();
    assertThat(AllowedOrigins.allows(ALLOWED, "https://example.org")).isFalse();
    assertThat(AllowedOrigins.allows(ALLOWED, "http://x.example.org")).isFalse();
    assertThat(AllowedOrigins.allows(ALLOWED, "https://evilexample.org")).isFalse();
    assertThat(AllowedOrigins.allows(ALLOWED, "https://x.example.org.evil.com")).isFalse();
  }

  @Test
  void anEmptyListOrAMissingHeaderAllowsAny() {
    assertThat(AllowedOrigins.allows(List.of(), "https://evil.com")).isTrue();
    assertThat(AllowedOrigins.allows(ALLOWED, null)).isTrue();
  }
}
