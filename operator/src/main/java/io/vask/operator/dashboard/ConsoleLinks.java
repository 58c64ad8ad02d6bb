package io.vask.operator.dashboard;

import io.vask.operator.plan.Credentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links that open an app's debug console signed in: the gateway's {@code /console/} with a console
 * token in the fragment, minted as the gateway verifies it (docs/console.md): {@code <app
 * id>.<expiry>.<hex HMAC-SHA256 with the secret of "vask-console\n<app id>\n<expiry>">}.
 */
public final class ConsoleLinks {
  /** The gateway refuses tokens that live longer. */
  public static final Duration MAX_LIFETIME = Duration.ofHours(24);

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
    String signed = "vask-console\n" + credentials.appId() + "\n" + expiresEpochSeconds;
    return credentials.appId()
        + "."
        + expiresEpochSeconds
        + "."
        + hmacSha256Hex(credentials.secret(), signed);
  }

  private static String hmacSha256Hex(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
