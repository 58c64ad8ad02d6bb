package io.vask.operator.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Challenges kept server-side: a random nonce bound to a user and an expiry, usable once. A
 * challenge is consumed by its first use, so a replay finds nothing.
 */
public final class Challenges {
  /** An issued challenge. */
  public record Issued(String challenge, String user, Instant expiresAt) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Issued> open = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration ttl;

  public Challenges(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  public Issued issue(String user) {
    Instant now = clock.instant();
    open.values().removeIf(issued -> issued.expiresAt().isBefore(now));
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    Instant expiresAt = now.plus(ttl);
    String challenge =
        "vask-register:"
            + user
            + ":"
            + expiresAt.getEpochSecond()
            + ":"
            + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    var issued = new Issued(challenge, user, expiresAt);
    open.put(challenge, issued);
    return issued;
  }

  /** Takes the challenge for {@code user}: unknown or used (401), foreign (403), expired (401). */
  public void consume(String user, String challenge) {
    Issued issued = open.remove(challenge);
    if (issued == null) {
      throw new RegistrationRefused(401, "unknown or already used challenge");
    }
    if (!issued.user().equals(user)) {
      throw new RegistrationRefused(403, "the challenge was issued to another user");
    }
    if (!clock.instant().isBefore(issued.expiresAt())) {
      throw new RegistrationRefused(401, "the challenge has expired");
    }
  }
}
