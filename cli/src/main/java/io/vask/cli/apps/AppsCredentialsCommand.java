package io.vask.cli.apps;

import io.vask.cli.Console;
import io.vask.cli.ExitCodes;
import io.vask.cli.command.Output;
import io.vask.cli.config.AppCredentials;
import io.vask.cli.pusher.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vask apps credentials NAME}. */
@Command(
    name = "credentials",
    mixinStandardHelpOptions = true,
    description = {
      "Print an app's credentials: {app_id, key, secret}, or PUSHER_* lines with --format env.",
      "On Kubernetes they come from the Secret named in the VaskApp's status.credentialsSecret;",
      "in an apps file NAME is the app's id or key."
    })
final class AppsCredentialsCommand implements Callable<Integer> {
  private final Console console;

  @Mixin AppsTarget target;

  @Parameters(paramLabel = "NAME", description = "VaskApp name / app id or key.")
  String name;

  @Option(names = "--format", description = "json (default) or env (PUSHER_* lines).")
  String format = "json";

  AppsCredentialsCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    Output.check(format);
    try (AppStore store = target.open(console)) {
      print(console, store.credentials(name), format);
    }
    return ExitCodes.OK;
  }

  static void print(Console console, AppCredentials credentials, String format) {
    if ("env".equals(format)) {
      console.out().print(credentials.asEnv());
    } else {
      console.out().println(Json.write(credentials.asJson()));
    }
  }
}
