package io.vask.gateway.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Pusher's signatures computed here with the JDK alone, independent of the code under test. */
public final class Hmac {
  private Hmac() {}

  /** Lowercase hex HMAC-SHA256 of {@code text} under {@code secret}. */
  public static String sha256Hex(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String md5Hex(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
