package io.vask.cli.command;

import io.vask.cli.Console;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vask webhook}: the webhook tools (today: verify). */
@Command(name = "webhook", mixinStandardHelpOptions = true, description = "Webhook tools.")
public final class WebhookCommand implements Runnable {
  @Spec CommandSpec spec;

  public static CommandLine commandLine(Console console) {
    var line = new CommandLine(new WebhookCommand());
    line.addSubcommand(new WebhookVerifyCommand(console));
    return line;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: verify");
  }
}
