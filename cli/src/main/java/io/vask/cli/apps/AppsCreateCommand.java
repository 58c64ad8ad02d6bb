package io.vask.cli.apps;

import io.vask.cli.Console;
import io.vask.cli.ExitCodes;
import io.vask.cli.command.Output;
import io.vask.cli.config.AppCredentials;
import io.vask.cli.pusher.Json;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vask apps create [NAME]}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create an app. On Kubernetes: a VaskApp NAME whose credentials the operator generates",
      "(read them with 'vask apps credentials NAME'); prints {name, namespace}.",
      "In an apps file: generates id, key and secret (NAME is the id, random when omitted)",
      "and prints them."
    })
final class AppsCreateCommand implements Callable<Integer> {
  private final Console console;

  @Mixin AppsTarget target;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "VaskApp name / app id.")
  String name;

  @Option(names = "--format", description = "json (default) or env (PUSHER_* lines).")
  String format = "json";

  AppsCreateCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    Output.check(format);
    try (AppStore store = target.open(console)) {
      Optional<AppCredentials> created = store.create(Optional.ofNullable(name));
      if (created.isPresent()) {
        AppsCredentialsCommand.print(console, created.get(), format);
      } else {
        console.out().println(Json.write(Map.of("name", name)));
      }
    }
    return ExitCodes.OK;
  }
}
