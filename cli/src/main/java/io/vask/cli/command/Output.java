package io.vask.cli.command;

import io.vask.cli.CliException;

/** The {@code --format} values of commands that print credentials. */
public final class Output {
  private Output() {}

  public static void check(String format) {
    if (!"json".equals(format) && !"env".equals(format)) {
      throw CliException.usage("--format must be json or env, not " + format);
    }
  }
}
