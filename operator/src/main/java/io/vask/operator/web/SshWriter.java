package io.vask.operator.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes the SSH wire encoding, for the SSHSIG signed data. */
final class SshWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  SshWriter raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  SshWriter string(byte[] bytes) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
    return this;
  }

  SshWriter string(String text) {
    return string(text.getBytes(StandardCharsets.UTF_8));
  }

  byte[] bytes() {
    return out.toByteArray();
  }
}
