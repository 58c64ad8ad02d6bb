package io.vask.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.cli.CliException;
import io.vask.cli.Console;
import io.vask.cli.ExitCodes;
import io.vask.cli.config.EndpointOptions;
import io.vask.cli.pusher.ApiClient;
import io.vask.cli.pusher.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vask trigger}: POST /apps/{id}/events, or /batch_events with {@code --batch}. */
@Command(
    name = "trigger",
    mixinStandardHelpOptions = true,
    description = {
      "Trigger an event on one or more channels through the HTTP API.",
      "Prints the API's JSON answer. DATA '-' reads the data from stdin; default {}."
    },
    footer = {
      "",
      "Examples:",
      "  vask trigger my-channel my-event '{\"message\":\"hello\"}'",
      "  vask trigger --channel a --channel b my-event '{}'",
      "  vask trigger --batch events.json   (a JSON array of {channel, name, data})"
    })
public final class TriggerCommand implements Callable<Integer> {
  private final Console console;

  @Mixin EndpointOptions endpoint;

  @Parameters(
      arity = "0..3",
      paramLabel = "ARG",
      description = "CHANNEL EVENT [DATA]; EVENT [DATA] when --channel is given.")
  List<String> arguments = new ArrayList<>();

  @Option(
      names = {"-c", "--channel"},
      paramLabel = "CHANNEL",
      split = ",",
      description = "A channel to trigger on; repeat or separate with commas.")
  List<String> channels = new ArrayList<>();

  @Option(
      names = "--batch",
      paramLabel = "FILE",
      description = "Trigger a batch: a JSON array of events from FILE, '-' for stdin.")
  String batch;

  @Option(names = "--socket-id", description = "Exclude this connection from receiving it.")
  String socketId;

  public TriggerCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    var api = new ApiClient(endpoint.resolve(console));
    JsonNode answer =
        batch != null
            ? api.post(api.appPath("/batch_events"), batchBody())
            : api.post(api.appPath("/events"), eventBody());
    console.out().println(Json.write(answer));
    return ExitCodes.OK;
  }

  private Map<String, Object> eventBody() {
    List<String> args = new ArrayList<>(arguments);
    List<String> targets = new ArrayList<>(channels);
    if (targets.isEmpty()) {
      if (args.size() < 2) {
        throw CliException.usage("expected CHANNEL EVENT [DATA] (see vask trigger --help)");
      }
      targets.addAll(Arrays.asList(args.remove(0).split(",")));
    }
    if (args.isEmpty() || args.size() > 2) {
      throw CliException.usage("expected EVENT [DATA] after --channel (see vask trigger --help)");
    }
    String data = args.size() == 2 ? args.get(1) : "{}";
    var body = new LinkedHashMap<String, Object>();
    body.put("name", args.get(0));
    body.put("data", "-".equals(data) ? Input.text(console, "-").strip() : data);
    body.put("channels", targets.stream().map(String::trim).filter(c -> !c.isEmpty()).toList());
    if (socketId != null) {
      body.put("socket_id", socketId);
    }
    return body;
  }

  private Map<String, Object> batchBody() {
    if (!arguments.isEmpty() || !channels.isEmpty()) {
      throw CliException.usage("--batch takes its events from the file alone");
    }
    JsonNode parsed = Json.parse(Input.text(console, batch), "the batch");
    JsonNode events = parsed.isObject() ? parsed.path("batch") : parsed;
    if (!events.isArray()) {
      throw CliException.failed("the batch must be a JSON array of events (or {\"batch\": [...]})");
    }
    ArrayNode normalized = Json.MAPPER.createArrayNode();
    for (JsonNode event : events) {
      ObjectNode copy = event.deepCopy();
      JsonNode data = copy.path("data");
      if (!data.isMissingNode() && !data.isTextual()) {
        copy.put("data", Json.write(data)); // Pusher carries data as a string
      }
      if (socketId != null && !copy.has("socket_id")) {
        copy.put("socket_id", socketId);
      }
      normalized.add(copy);
    }
    return Map.of("batch", normalized);
  }
}
