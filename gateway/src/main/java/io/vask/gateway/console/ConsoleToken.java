package io.vask.gateway.console;

import io.vask.contract.AppSettings;
import io.vask.contract.signing.Signatures;
import io.vask.gateway.app.AppRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * The console's credential: {@code <app id>.<expiry epoch seconds>.<signature>}, the signature
 * being HMAC-SHA256 with the app secret over {@code vask-console\n<app id>\n<expiry>} in lowercase
 * hex. Whoever holds the app secret can mint one (scripts/run-demo does it with openssl); the page
 * holds only the token. A token lives at most {@link #MAX_LIFETIME_SECONDS}.
 */
public final class ConsoleToken {
  public static final long MAX_LIFETIME_SECONDS = 24 * 3600;

  private ConsoleToken() {}

  public static String mint(AppSettings app, long expiresEpochSeconds) {
    return app.id()
        + "."
        + expiresEpochSeconds
        + "."
        + Signatures.hmacSha256Hex(app.secret(), signed(app.id(), expiresEpochSeconds));
  }

  /** The token's app when the token is authentic, unexpired and not too long-lived. */
  public static Optional<AppSettings> verify(String token, AppRegistry apps, Clock clock) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    long expires;
    try {
      expires = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    long now = clock.instant().getEpochSecond();
    if (expires < now || expires > now + MAX_LIFETIME_SECONDS) {
      return Optional.empty();
    }
    return apps.byId(parts[0])
        .filter(AppSettings::enabled)
        .filter(
            app ->
                Signatures.constantTimeEquals(
                    Signatures.hmacSha256Hex(app.secret(), signed(app.id(), expires)), parts[2]));
  }

  private static String signed(String appId, long expires) {
    return "vask-console\n" + appId + "\n" + expires;
  }
}
