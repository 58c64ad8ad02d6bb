package io.vask.gateway.console;

import io.vask.contract.AppSettings;
import io.vask.contract.signing.ConsoleTokens;
import io.vask.gateway.app.AppRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * The console's credential in the gateway: minted and checked as {@link ConsoleTokens} defines it,
 * for an app of this gateway's registry that is enabled.
 */
public final class ConsoleToken {
  public static final long MAX_LIFETIME_SECONDS = ConsoleTokens.MAX_LIFETIME_SECONDS;

  private ConsoleToken() {}

  public static String mint(AppSettings app, long expiresEpochSeconds) {
    return ConsoleTokens.mint(app.id(), app.secret(), expiresEpochSeconds);
  }

  /** The token's app when the token is authentic, unexpired and not too long-lived. */
  public static Optional<AppSettings> verify(String token, AppRegistry apps, Clock clock) {
    long now = clock.instant().getEpochSecond();
    return ConsoleTokens.parse(token)
        .flatMap(
            claim ->
                apps.byId(claim.appId())
                    .filter(AppSettings::enabled)
                    .filter(app -> claim.isValid(app.secret(), now)));
  }
}
