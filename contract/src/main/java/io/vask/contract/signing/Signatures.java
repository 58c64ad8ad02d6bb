package io.vask.contract.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 and MD5 as Pusher uses them (PROTOCOL.md §3, §9.2, §10.1). Comparisons run in
 * constant time so a signature can't be guessed byte by byte.
 */
public final class Signatures {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  // Mac.getInstance does a provider lookup per call; one instance per thread is re-keyed instead.
  private static final ThreadLocal<Mac> HMAC =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance("HmacSHA256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
          });

  private Signatures() {}

  public static String hmacSha256Hex(String secret, String message) {
    return hmacSha256Hex(secret, message.getBytes(StandardCharsets.UTF_8));
  }

  public static String hmacSha256Hex(String secret, byte[] message) {
    try {
      Mac mac = HMAC.get();
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return hex(mac.doFinal(message));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 rejected the key", e);
    }
  }

  public static String md5Hex(byte[] body) {
    try {
      return hex(MessageDigest.getInstance("MD5").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 unavailable", e);
    }
  }

  /** Constant-time comparison of two strings (lengths may leak, contents don't). */
  public static boolean constantTimeEquals(String expected, String actual) {
    if (expected == null || actual == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks a channel or user {@code auth} value of the form {@code key:signature} over {@code
   * stringToSign}.
   */
  public static AuthCheck checkAuth(String auth, String appKey, String secret, String toSign) {
    if (auth == null || auth.isEmpty()) {
      return AuthCheck.MISSING;
    }
    int colon = auth.indexOf(':');
    if (colon < 0) {
      return AuthCheck.MALFORMED;
    }
    if (!constantTimeEquals(appKey, auth.substring(0, colon))) {
      return AuthCheck.WRONG_KEY;
    }
    String expected = hmacSha256Hex(secret, toSign);
    return constantTimeEquals(expected, auth.substring(colon + 1))
        ? AuthCheck.VALID
        : AuthCheck.BAD_SIGNATURE;
  }

  /** The outcome of {@link #checkAuth}. */
  public enum AuthCheck {
    VALID,
    MISSING,
    MALFORMED,
    WRONG_KEY,
    BAD_SIGNATURE
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }
}
