package io.vask.operator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Keys and SSHSIG signatures from the real /usr/bin/ssh-keygen (Debian openssh-client). */
final class SshKeys {
  private SshKeys() {}

  /** A new unencrypted key {@code dir/name} of {@code type} ("ed25519", "ecdsa", "rsa"). */
  static Path generate(Path dir, String name, String type, int bits) throws Exception {
    Path key = dir.resolve(name);
    var command =
        new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f"));
    command.add(key.toString());
    if (bits > 0) {
      command.addAll(List.of("-b", Integer.toString(bits)));
    }
    run(command, "");
    return key;
  }

  /** The authorized_keys line of {@code key}, as GitHub publishes it. */
  static String publicLine(Path key) throws IOException {
    return Files.readString(Path.of(key + ".pub")).trim();
  }

  /** {@code ssh-keygen -Y sign -n NAMESPACE -f KEY} of {@code message}: the armored signature. */
  static String sign(Path key, String namespace, String message) throws Exception {
    return run(
        List.of("ssh-keygen", "-q", "-Y", "sign", "-n", namespace, "-f", key.toString()), message);
  }

  private static String run(List<String> command, String stdin) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(command + ": " + err).isZero();
    return out;
  }
}
