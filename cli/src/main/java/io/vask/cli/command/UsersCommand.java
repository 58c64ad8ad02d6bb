package io.vask.cli.command;

import io.vask.cli.Console;
import io.vask.cli.ExitCodes;
import io.vask.cli.config.EndpointOptions;
import io.vask.cli.pusher.ApiClient;
import io.vask.cli.pusher.Json;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vask users CHANNEL}: GET /apps/{id}/channels/{channel}/users. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "List the users of a presence channel (HTTP API); prints its JSON.")
public final class UsersCommand implements Callable<Integer> {
  private final Console console;

  @Mixin EndpointOptions endpoint;

  @Parameters(paramLabel = "CHANNEL", description = "A presence- channel.")
  String channel;

  public UsersCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    var api = new ApiClient(endpoint.resolve(console));
    String path = api.appPath("/channels/" + ApiClient.segment(channel) + "/users");
    console.out().println(Json.write(api.get(path, Map.of())));
    return ExitCodes.OK;
  }
}
