package io.vask.contract.signing;

import java.util.Optional;

/**
 * The debug console's credential (docs/console.md): {@code <app id>.<expiry epoch seconds>.<sig>},
 * where sig is HMAC-SHA256 with the app secret over {@code vask-console\n<app id>\n<expiry>} in
 * lowercase hex. Whoever holds the secret mints one (the operator's dashboard, scripts/run-demo);
 * the gateway checks it. A token lives at most {@link #MAX_LIFETIME_SECONDS}.
 */
public final class ConsoleTokens {
  public static final long MAX_LIFETIME_SECONDS = 24 * 3600;

  private ConsoleTokens() {}

  public static String mint(String appId, String secret, long expiresEpochSeconds) {
    return appId + "." + expiresEpochSeconds + "." + signature(appId, secret, expiresEpochSeconds);
  }

  /** The token's parts, if it has the token's shape; says nothing of its authenticity. */
  public static Optional<Claim> parse(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Claim(parts[0], Long.parseLong(parts[1]), parts[2]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String signature(String appId, String secret, long expires) {
    return Signatures.hmacSha256Hex(secret, "vask-console\n" + appId + "\n" + expires);
  }

  /** What a token claims: an app, an expiry, a signature. */
  public record Claim(String appId, long expiresEpochSeconds, String signature) {
    /** Signed with {@code secret}, unexpired at {@code now} and not too long-lived. */
    public boolean isValid(String secret, long nowEpochSeconds) {
      return expiresEpochSeconds >= nowEpochSeconds
          && expiresEpochSeconds <= nowEpochSeconds + MAX_LIFETIME_SECONDS
          && Signatures.constantTimeEquals(
              ConsoleTokens.signature(appId, secret, expiresEpochSeconds), signature);
    }
  }
}
