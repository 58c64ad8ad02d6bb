package io.vask.operator.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * An armored SSHSIG signature as {@code ssh-keygen -Y sign} writes it (OpenSSH PROTOCOL.sshsig):
 * {@code "SSHSIG" uint32 version, string publickey, string namespace, string reserved, string
 * hash_algorithm, string signature}. What was signed is {@code "SSHSIG" string namespace, string
 * reserved, string hash_algorithm, string H(message)}.
 */
public record SshSignature(
    byte[] publicKey, String namespace, byte[] reserved, String hashAlgorithm, byte[] signature) {
  private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
  private static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
  private static final String END = "-----END SSH SIGNATURE-----";

  /** Parses the armored text; anything malformed is refused with 400. */
  public static SshSignature parse(String armored) {
    String text = armored.strip();
    if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
      throw new RegistrationRefused(400, "the signature is not an armored SSH SIGNATURE");
    }
    String body =
        text.substring(BEGIN.length(), text.length() - END.length()).replaceAll("\\s", "");
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new RegistrationRefused(400, "the signature is not valid base64");
    }
    var reader = new SshReader(blob);
    if (!Arrays.equals(reader.raw(MAGIC.length), MAGIC) || reader.uint32() != 1) {
      throw new RegistrationRefused(400, "not an SSHSIG version 1 signature");
    }
    var signature =
        new SshSignature(
            reader.string(), reader.text(), reader.string(), reader.text(), reader.string());
    if (!reader.done()) {
      throw new RegistrationRefused(400, "trailing bytes after the SSHSIG signature");
    }
    return signature;
  }

  /** The bytes the key signed for {@code message}. */
  public byte[] signedData(byte[] message) {
    return new SshWriter()
        .raw(MAGIC)
        .string(namespace)
        .string(reserved)
        .string(hashAlgorithm)
        .string(hash(message))
        .bytes();
  }

  private byte[] hash(byte[] message) {
    String algorithm =
        switch (hashAlgorithm) {
          case "sha512" -> "SHA-512";
          case "sha256" -> "SHA-256";
          default ->
              throw new RegistrationRefused(400, "unsupported hash algorithm " + hashAlgorithm);
        };
    try {
      return MessageDigest.getInstance(algorithm).digest(message);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }
}
