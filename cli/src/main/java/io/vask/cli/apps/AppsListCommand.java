package io.vask.cli.apps;

import io.vask.cli.Console;
import io.vask.cli.ExitCodes;
import io.vask.cli.pusher.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vask apps list}: one JSON object per app and line. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "List apps, one JSON object per line: {name, namespace, app_id, key, ready_replicas}",
      "for VaskApps, {app_id, key, enabled} for an apps file."
    })
final class AppsListCommand implements Callable<Integer> {
  private final Console console;

  @Mixin AppsTarget target;

  AppsListCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    try (AppStore store = target.open(console)) {
      store.list().forEach(app -> console.out().println(Json.write(app)));
    }
    return ExitCodes.OK;
  }
}
