package io.vask.cli.apps;

import io.vask.cli.config.AppCredentials;
import io.vask.contract.rules.AppId;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Fresh Pusher-style credentials from a strong random source, as the operator makes them. */
final class CredentialsGenerator {
  private final SecureRandom random = new SecureRandom();

  AppCredentials generate(String appId) {
    return new AppCredentials(appId, hex(10), hex(20));
  }

  String appId() {
    return AppId.generate(random);
  }

  private String hex(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return HexFormat.of().formatHex(buffer);
  }
}
