package io.vask.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.StaticAppRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTokenTest {
  private final AppSettings app = AppSettings.builder("app-1", "key-1", "secret-1").build();
  private final StaticAppRegistry apps = new StaticAppRegistry(List.of(app));
  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

  @Test
  void aMintedTokenOpensItsApp() {
    String token = ConsoleToken.mint(app, now.getEpochSecond() + 600);
    assertThat(ConsoleToken.verify(token, apps, clock)).contains(app);
  }

  @Test
  void refusesAnotherSecretAnExpiredOrTooLongLivedTokenAndGarbage() {
    AppSettings forged = AppSettings.builder("app-1", "key-1", "other").build();
    long later = now.getEpochSecond() + 600;
    assertThat(ConsoleToken.verify(ConsoleToken.mint(forged, later), apps, clock)).isEmpty();
    assertThat(ConsoleToken.verify(ConsoleToken.mint(app, now.getEpochSecond() - 1), apps, clock))
        .isEmpty();
    long tooLate = now.getEpochSecond() + ConsoleToken.MAX_LIFETIME_SECONDS + 1;
    assertThat(ConsoleToken.verify(ConsoleToken.mint(app, tooLate), apps, clock)).isEmpty();
    assertThat(ConsoleToken.verify("app-1.x.y", apps, clock)).isEmpty();
    assertThat(ConsoleToken.verify(null, apps, clock)).isEmpty();
  }

  @Test
  void matchesTheDocumentedRecipe() {
    // docs/console.md: HMAC-SHA256(secret, "vask-console\n<id>\n<expiry>") in hex
    String token = ConsoleToken.mint(app, 1767226200L);
    assertThat(token)
        .startsWith("app-1.1767226200.")
        .endsWith(
            io.vask.contract.signing.Signatures.hmacSha256Hex(
                "secret-1", "vask-console\napp-1\n1767226200"));
  }
}
