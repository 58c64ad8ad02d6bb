package io.vask.cli.command;

import io.vask.cli.CliException;
import io.vask.cli.Console;
import io.vask.cli.ExitCodes;
import io.vask.cli.config.Endpoint;
import io.vask.cli.config.EndpointOptions;
import io.vask.cli.pusher.ChannelAuthorizer;
import io.vask.cli.pusher.ChannelTail;
import io.vask.cli.pusher.Json;
import java.net.http.WebSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vask tail CHANNEL...}: subscribe over WebSocket and print events as JSON lines. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = {
      "Subscribe to channels like a client and print each event as one JSON line.",
      "private-, private-encrypted- and presence- channels are signed locally with the secret",
      "(encrypted channels print the ciphertext as received). Runs until killed, --count or",
      "--timeout; 'vask tail: subscribed to CHANNEL' goes to stderr once each is subscribed."
    })
public final class TailCommand implements Callable<Integer> {
  private final Console console;

  @Mixin EndpointOptions endpoint;

  @Parameters(arity = "1..*", paramLabel = "CHANNEL", description = "Channels to subscribe to.")
  List<String> channels;

  @Option(names = "--count", description = "Exit 0 after N events (exit 1 if --timeout first).")
  int count;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop after SECONDS.")
  Long timeout;

  @Option(names = "--user-id", description = "The user id for presence channels.")
  String userId;

  @Option(names = "--user-info", paramLabel = "JSON", description = "The presence user_info.")
  String userInfo;

  public TailCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (count < 0 || (timeout != null && timeout <= 0)) {
      throw CliException.usage("--count and --timeout must be positive");
    }
    Endpoint resolved = endpoint.resolve(console);
    var tail =
        new ChannelTail(resolved, channels, presenceData(), count, console.out(), console.err());
    WebSocket socket = tail.connect(resolved);
    try {
      return timeout == null ? tail.done().get() : tail.done().get(timeout, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return count > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    } catch (ExecutionException e) {
      throw CliException.connection("connection failed: " + e.getCause(), e.getCause());
    } finally {
      socket.abort();
    }
  }

  private Optional<String> presenceData() {
    boolean presence = channels.stream().anyMatch(ChannelAuthorizer::isPresence);
    if (!presence) {
      return Optional.empty();
    }
    if (userId == null) {
      throw CliException.usage("presence channels need --user-id");
    }
    var data = new LinkedHashMap<String, Object>();
    data.put("user_id", userId);
    if (userInfo != null) {
      data.put("user_info", Json.parse(userInfo, "--user-info"));
    }
    return Optional.of(Json.write(data));
  }
}
