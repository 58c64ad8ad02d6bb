package io.vask.cli.register;

import io.vask.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Signs with the real {@code ssh-keygen -Y sign}: the key never leaves ssh-keygen (or the agent),
 * and the armored SSHSIG it prints is what the operator verifies.
 */
public final class SshKeygen {
  public static final String NAMESPACE = "vask-register";
  private final String executable;

  public SshKeygen(String executable) {
    this.executable = executable;
  }

  /** The armored signature of {@code message} with {@code key} in namespace vask-register. */
  public String sign(Path key, String message) {
    if (!Files.isRegularFile(key)) {
      throw CliException.usage("key " + key + " does not exist");
    }
    Process process;
    try {
      process =
          new ProcessBuilder(executable, "-q", "-Y", "sign", "-n", NAMESPACE, "-f", key.toString())
              .start();
    } catch (IOException e) {
      throw CliException.failed("cannot run " + executable + ": " + e.getMessage());
    }
    try (var stdin = process.getOutputStream()) {
      stdin.write(message.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw CliException.failed("cannot write to ssh-keygen: " + e.getMessage());
    }
    try {
      String signature =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw CliException.failed("ssh-keygen could not sign with " + key + ": " + errors.strip());
      }
      return signature;
    } catch (IOException e) {
      throw CliException.failed("cannot read ssh-keygen's output: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failed("interrupted");
    } finally {
      process.destroy();
    }
  }
}
