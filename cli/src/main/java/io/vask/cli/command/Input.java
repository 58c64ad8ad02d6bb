package io.vask.cli.command;

import io.vask.cli.CliException;
import io.vask.cli.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a command's input: a file, or stdin for {@code -}. */
final class Input {
  private Input() {}

  static byte[] bytes(Console console, String fileOrDash) {
    try {
      if (fileOrDash == null || "-".equals(fileOrDash)) {
        return console.in().readAllBytes();
      }
      Path path = Path.of(fileOrDash);
      if (!Files.isRegularFile(path)) {
        throw CliException.usage(fileOrDash + " does not exist");
      }
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw CliException.failed("cannot read " + fileOrDash + ": " + e.getMessage());
    }
  }

  static String text(Console console, String fileOrDash) {
    return new String(bytes(console, fileOrDash), StandardCharsets.UTF_8);
  }
}
