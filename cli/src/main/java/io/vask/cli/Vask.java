package io.vask.cli;

import io.vask.cli.apps.AppsCommand;
import io.vask.cli.command.ChannelsCommand;
import io.vask.cli.command.RegisterCommand;
import io.vask.cli.command.TailCommand;
import io.vask.cli.command.TriggerCommand;
import io.vask.cli.command.UsersCommand;
import io.vask.cli.command.VaskCommand;
import io.vask.cli.command.WebhookCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Assembles the command tree and turns every outcome into one of {@link ExitCodes}. */
public final class Vask {
  private Vask() {}

  /** Runs one command line; returns its exit code. */
  public static int run(String[] args, Console console) {
    CommandLine line = commandLine(console);
    return line.execute(args);
  }

  static CommandLine commandLine(Console console) {
    CommandLine line = new CommandLine(new VaskCommand());
    line.addSubcommand(new TriggerCommand(console));
    line.addSubcommand(new TailCommand(console));
    line.addSubcommand(new ChannelsCommand(console));
    line.addSubcommand(new UsersCommand(console));
    line.addSubcommand(AppsCommand.commandLine(console));
    line.addSubcommand(WebhookCommand.commandLine(console));
    line.addSubcommand(new RegisterCommand(console));
    line.setOut(new PrintWriter(console.out(), true, StandardCharsets.UTF_8));
    line.setErr(new PrintWriter(console.err(), true, StandardCharsets.UTF_8));
    line.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> report(exception, console));
    line.setParameterExceptionHandler(
        (exception, args) -> {
          console.err().println("vask: " + exception.getMessage());
          console.err().println("Try '" + usagePath(exception.getCommandLine()) + " --help'.");
          return ExitCodes.USAGE;
        });
    return line;
  }

  private static int report(Exception exception, Console console) {
    if (exception instanceof CliException failure) {
      console.err().println("vask: " + failure.getMessage());
      return failure.exitCode();
    }
    console.err().println("vask: unexpected error: " + exception);
    return ExitCodes.FAILED;
  }

  private static String usagePath(CommandLine line) {
    return line.getCommandSpec().qualifiedName();
  }
}
