package io.vask.operator.web;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads the SSH wire encoding (RFC 4251): uint32, string, mpint; malformed input is refused. */
final class SshReader {
  private final ByteBuffer buffer;

  SshReader(byte[] bytes) {
    this.buffer = ByteBuffer.wrap(bytes);
  }

  byte[] raw(int length) {
    if (length < 0 || length > buffer.remaining()) {
      throw malformed();
    }
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return bytes;
  }

  int uint32() {
    if (buffer.remaining() < 4) {
      throw malformed();
    }
    return buffer.getInt();
  }

  byte[] string() {
    return raw(uint32());
  }

  String text() {
    return new String(string(), StandardCharsets.UTF_8);
  }

  BigInteger mpint() {
    return new BigInteger(string());
  }

  boolean done() {
    return !buffer.hasRemaining();
  }

  private static RegistrationRefused malformed() {
    return new RegistrationRefused(400, "malformed SSH signature or key");
  }
}
