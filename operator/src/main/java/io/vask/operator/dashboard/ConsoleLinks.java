package io.vask.operator.dashboard;

import io.vask.contract.signing.ConsoleTokens;
import io.vask.operator.plan.Credentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Links that open an app's debug console signed in: the gateway's {@code /console/} with a console
 * token ({@link ConsoleTokens}) in the fragment.
 */
public final class ConsoleLinks {
  /** The gateway refuses tokens that live longer. */
  public static final Duration MAX_LIFETIME =
      Duration.ofSeconds(ConsoleTokens.MAX_LIFETIME_SECONDS);

  private final Clock clock;
  private final Duration lifetime;

  public ConsoleLinks(Clock clock, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException("console token lifetime must be 1 s to 24 h");
    }
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public record ConsoleLink(String url, Instant expiresAt) {}

  /** A link below {@code httpApi}, the gateway's base URL from the app's status. */
  public ConsoleLink link(String httpApi, Credentials credentials) {
    Instant expires = clock.instant().plus(lifetime);
    String base = httpApi.endsWith("/") ? httpApi.substring(0, httpApi.length() - 1) : httpApi;
    return new ConsoleLink(
        base + "/console/#token=" + token(credentials, expires.getEpochSecond()), expires);
  }

  static String token(Credentials credentials, long expiresEpochSeconds) {
    return ConsoleTokens.mint(credentials.appId(), credentials.secret(), expiresEpochSeconds);
  }
}
