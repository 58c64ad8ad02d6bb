package io.vask.cli.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root: {@code vask COMMAND}; without a command it is a usage error. */
@Command(
    name = "vask",
    mixinStandardHelpOptions = true,
    version = "vask 0.1.0",
    description = "Talk to a Vask (Pusher Channels compatible) server and manage its apps.",
    footer = {
      "",
      "Exit codes: 0 ok, 1 operation failed or invalid, 2 usage error,",
      "3 connection or authentication error. Errors are one 'vask: ...' line on stderr.",
      "Docs: docs/cli.md"
    })
public final class VaskCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
