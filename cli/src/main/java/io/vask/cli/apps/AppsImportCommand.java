package io.vask.cli.apps;

import io.vask.cli.Console;
import io.vask.cli.ExitCodes;
import io.vask.cli.config.EndpointOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vask apps import [NAME]}: bring existing Pusher credentials. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Add an app with existing credentials (--app-id/--key/--secret or PUSHER_* variables).",
      "On Kubernetes: a Secret NAME-pusher-credentials (app_id, key, secret) and a VaskApp NAME",
      "referencing it via spec.credentials.secretRef. In an apps file: a new entry."
    })
final class AppsImportCommand implements Callable<Integer> {
  private final Console console;

  @Mixin AppsTarget target;

  @Mixin EndpointOptions credentials;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "VaskApp name (Kubernetes).")
  String name;

  AppsImportCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    var given = credentials.credentials(console);
    try (AppStore store = target.open(console)) {
      store.importApp(Optional.ofNullable(name), given);
    }
    console.out().println("imported " + given.appId());
    return ExitCodes.OK;
  }
}
