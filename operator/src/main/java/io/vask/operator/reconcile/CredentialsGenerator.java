package io.vask.operator.reconcile;

import io.vask.contract.rules.AppId;
import io.vask.operator.plan.Credentials;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Fresh Pusher-style credentials: an 18-digit numeric app id, a 20-hex-digit key, a 40-hex-digit
 * secret.
 */
final class CredentialsGenerator {
  private final SecureRandom random = new SecureRandom();

  Credentials generate(String secretName) {
    String appId = AppId.generate(random);
    return new Credentials(appId, hex(10), hex(20), secretName);
  }

  private String hex(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }
}
