package io.vask.operator.web;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An SSH public key blob as a JDK key, and the check of an SSH signature blob made with it:
 * Ed25519, ECDSA on P-256/384/521, and RSA with rsa-sha2-256/512 (SHA-1 ssh-rsa is refused).
 */
public final class SshPublicKey {
  /** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow. */
  private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final String type;
  private final PublicKey key;
  private final int fieldBytes;

  private SshPublicKey(String type, PublicKey key, int fieldBytes) {
    this.type = type;
    this.key = key;
    this.fieldBytes = fieldBytes;
  }

  public static SshPublicKey parse(byte[] blob) {
    var reader = new SshReader(blob);
    String type = reader.text();
    try {
      return switch (type) {
        case "ssh-ed25519" -> ed25519(reader.string());
        case "ssh-rsa" -> rsa(reader.mpint(), reader.mpint());
        case "ecdsa-sha2-nistp256" -> ecdsa(type, reader, "secp256r1", 32);
        case "ecdsa-sha2-nistp384" -> ecdsa(type, reader, "secp384r1", 48);
        case "ecdsa-sha2-nistp521" -> ecdsa(type, reader, "secp521r1", 66);
        default -> throw new RegistrationRefused(400, "unsupported key type " + type);
      };
    } catch (GeneralSecurityException e) {
      throw new RegistrationRefused(400, "invalid " + type + " key: " + e.getMessage());
    }
  }

  /** Whether {@code signatureBlob} ({@code string format, string bytes}) signs {@code data}. */
  public boolean verifies(byte[] signatureBlob, byte[] data) {
    var reader = new SshReader(signatureBlob);
    String format = reader.text();
    byte[] bytes = reader.string();
    try {
      Signature verifier = Signature.getInstance(jdkAlgorithm(format));
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(type.startsWith("ecdsa-") ? p1363(bytes) : bytes);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private String jdkAlgorithm(String format) {
    return switch (type) {
      case "ssh-ed25519" -> expect(format, "ssh-ed25519", "Ed25519");
      case "ssh-rsa" ->
          switch (format) {
            case "rsa-sha2-512" -> "SHA512withRSA";
            case "rsa-sha2-256" -> "SHA256withRSA";
            default -> throw new RegistrationRefused(401, "refused RSA signature format " + format);
          };
      case "ecdsa-sha2-nistp256" -> expect(format, type, "SHA256withECDSAinP1363Format");
      case "ecdsa-sha2-nistp384" -> expect(format, type, "SHA384withECDSAinP1363Format");
      default -> expect(format, type, "SHA512withECDSAinP1363Format");
    };
  }

  private static String expect(String format, String wanted, String algorithm) {
    if (!format.equals(wanted)) {
      throw new RegistrationRefused(401, "signature format " + format + " does not fit the key");
    }
    return algorithm;
  }

  /** SSH's {@code mpint r, mpint s} as the fixed-width r||s the JDK's P1363 format takes. */
  private byte[] p1363(byte[] sshSignature) {
    var reader = new SshReader(sshSignature);
    byte[] out = new byte[2 * fieldBytes];
    place(reader.mpint(), out, 0);
    place(reader.mpint(), out, fieldBytes);
    return out;
  }

  private void place(BigInteger value, byte[] out, int offset) {
    byte[] bytes = value.toByteArray();
    int start = bytes.length > fieldBytes ? bytes.length - fieldBytes : 0;
    int length = bytes.length - start;
    if (length > fieldBytes || value.signum() < 0) {
      throw new RegistrationRefused(400, "malformed ECDSA signature");
    }
    System.arraycopy(bytes, start, out, offset + fieldBytes - length, length);
  }

  private static SshPublicKey ed25519(byte[] raw) throws GeneralSecurityException {
    if (raw.length != 32) {
      throw new RegistrationRefused(400, "an Ed25519 key has 32 bytes");
    }
    byte[] der = Arrays.copyOf(ED25519_PREFIX, ED25519_PREFIX.length + 32);
    System.arraycopy(raw, 0, der, ED25519_PREFIX.length, 32);
    return new SshPublicKey(
        "ssh-ed25519",
        KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)),
        32);
  }

  private static SshPublicKey rsa(BigInteger e, BigInteger n) throws GeneralSecurityException {
    if (n.bitLength() < 2048) {
      throw new RegistrationRefused(400, "RSA keys need at least 2048 bits");
    }
    return new SshPublicKey(
        "ssh-rsa", KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e)), 0);
  }

  private static SshPublicKey ecdsa(String type, SshReader reader, String curve, int fieldBytes)
      throws GeneralSecurityException {
    reader.text(); // the curve name again (nistp256...), implied by the type
    byte[] point = reader.string();
    if (point.length != 1 + 2 * fieldBytes || point[0] != 4) {
      throw new RegistrationRefused(400, "expected an uncompressed EC point");
    }
    var x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + fieldBytes));
    var y = new BigInteger(1, Arrays.copyOfRange(point, 1 + fieldBytes, point.length));
    var parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec(curve));
    var spec =
        new ECPublicKeySpec(new ECPoint(x, y), parameters.getParameterSpec(ECParameterSpec.class));
    return new SshPublicKey(type, KeyFactory.getInstance("EC").generatePublic(spec), fieldBytes);
  }
}
