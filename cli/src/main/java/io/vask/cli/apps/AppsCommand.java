package io.vask.cli.apps;

import io.vask.cli.Console;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vask apps list|create|import|credentials}. */
@Command(
    name = "apps",
    mixinStandardHelpOptions = true,
    description = {
      "Manage apps: VaskApp resources on Kubernetes (kubeconfig), or a local apps file",
      "with --apps-file."
    })
public final class AppsCommand implements Runnable {
  @Spec CommandSpec spec;

  public static CommandLine commandLine(Console console) {
    var line = new CommandLine(new AppsCommand());
    line.addSubcommand(new AppsListCommand(console));
    line.addSubcommand(new AppsCreateCommand(console));
    line.addSubcommand(new AppsImportCommand(console));
    line.addSubcommand(new AppsCredentialsCommand(console));
    return line;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command: list, create, import or credentials");
  }
}
