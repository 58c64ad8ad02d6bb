package io.vask.cli.command;

import io.vask.cli.Console;
import io.vask.cli.ExitCodes;
import io.vask.cli.config.EndpointOptions;
import io.vask.cli.pusher.ApiClient;
import io.vask.cli.pusher.Json;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vask channels}: GET /apps/{id}/channels. */
@Command(
    name = "channels",
    mixinStandardHelpOptions = true,
    description = "List occupied channels (HTTP API GET /apps/{id}/channels); prints its JSON.")
public final class ChannelsCommand implements Callable<Integer> {
  private final Console console;

  @Mixin EndpointOptions endpoint;

  @Option(names = "--prefix", description = "Only channels starting with this, e.g. presence-.")
  String prefix;

  @Option(
      names = "--info",
      paramLabel = "ATTRIBUTES",
      description = "Comma-separated attributes: user_count (presence), subscription_count.")
  String info;

  public ChannelsCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    var api = new ApiClient(endpoint.resolve(console));
    var params = new LinkedHashMap<String, String>();
    if (prefix != null) {
      params.put("filter_by_prefix", prefix);
    }
    if (info != null) {
      params.put("info", info);
    }
    console.out().println(Json.write(api.get(api.appPath("/channels"), params)));
    return ExitCodes.OK;
  }
}
