package io.vask.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.cli.CliException;
import io.vask.cli.Console;
import io.vask.cli.ExitCodes;
import io.vask.cli.config.AppCredentials;
import io.vask.cli.pusher.Json;
import io.vask.cli.register.RegistrationClient;
import io.vask.cli.register.SshKeygen;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vask register}: an app for a GitHub user who proves a published SSH key. */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "Register an app with the operator's registration endpoint by signing a challenge with",
      "an SSH key published on your GitHub account (ssh-keygen -Y sign, namespace vask-register).",
      "Prints the new app's credentials once: keep them."
    })
public final class RegisterCommand implements Callable<Integer> {
  private final Console console;

  @Option(names = "--github", required = true, paramLabel = "USER", description = "GitHub user.")
  String user;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "PATH",
      description = "Private key file (or its .pub with the key in ssh-agent).")
  Path key;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "Registration endpoint (env VASK_REGISTER_ENDPOINT).")
  URI endpoint;

  @Option(names = "--format", description = "json (default) or env (PUSHER_* lines).")
  String format = "json";

  @Option(names = "--ssh-keygen", paramLabel = "PATH", description = "ssh-keygen to run.")
  String sshKeygen = "ssh-keygen";

  public RegisterCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    Output.check(format);
    URI target =
        endpoint != null
            ? endpoint
            : console
                .variable("VASK_REGISTER_ENDPOINT")
                .map(URI::create)
                .orElseThrow(
                    () -> CliException.usage("missing --endpoint (or VASK_REGISTER_ENDPOINT)"));
    var client = new RegistrationClient(target);
    String challenge = client.challenge(user);
    String signature = new SshKeygen(sshKeygen).sign(key, challenge);
    JsonNode app = client.register(user, challenge, signature);
    if ("env".equals(format)) {
      var credentials =
          new AppCredentials(
              app.path("app_id").asText(), app.path("key").asText(), app.path("secret").asText());
      console.out().print(credentials.asEnv());
    } else {
      console.out().println(Json.write(app));
    }
    return ExitCodes.OK;
  }
}
