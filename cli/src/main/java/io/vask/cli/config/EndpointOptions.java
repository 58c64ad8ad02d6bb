package io.vask.cli.config;

import io.vask.cli.CliException;
import io.vask.cli.Console;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The connection flags every gateway command shares. {@link #resolve} applies the precedence: flag,
 * then environment variable, then config file, then the default.
 */
public final class EndpointOptions {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 6001;

  @Option(names = "--app-id", description = "App id (env PUSHER_APP_ID).")
  String appId;

  @Option(names = "--key", description = "App key (env PUSHER_APP_KEY).")
  String key;

  @Option(names = "--secret", description = "App secret (env PUSHER_APP_SECRET).")
  String secret;

  @Option(names = "--host", description = "Server host (env PUSHER_HOST, default 127.0.0.1).")
  String host;

  @Option(names = "--port", description = "Server port (env PUSHER_PORT, default 6001).")
  Integer port;

  @Option(names = "--scheme", description = "http or https (env PUSHER_SCHEME, default http).")
  String scheme;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Config file (default ~/.config/vask/config.json).")
  Path config;

  /** The endpoint, with every credential present; a missing one is a usage error. */
  public Endpoint resolve(Console console) {
    ConfigFile file = configFile(console);
    String id = pick(appId, console, "PUSHER_APP_ID", file, ConfigFile::appId, "--app-id");
    String appKey = pick(key, console, "PUSHER_APP_KEY", file, ConfigFile::key, "--key");
    String appSecret =
        pick(secret, console, "PUSHER_APP_SECRET", file, ConfigFile::secret, "--secret");
    return new Endpoint(
        id, appKey, appSecret, host(console, file), port(console, file), scheme(console, file));
  }

  /** Only the secret (webhook verification needs nothing else). */
  public String secret(Console console) {
    return pick(
        secret, console, "PUSHER_APP_SECRET", configFile(console), ConfigFile::secret, "--secret");
  }

  /** The id, key and secret, each required (importing an app needs nothing else). */
  public AppCredentials credentials(Console console) {
    ConfigFile file = configFile(console);
    return new AppCredentials(
        pick(appId, console, "PUSHER_APP_ID", file, ConfigFile::appId, "--app-id"),
        pick(key, console, "PUSHER_APP_KEY", file, ConfigFile::key, "--key"),
        pick(secret, console, "PUSHER_APP_SECRET", file, ConfigFile::secret, "--secret"));
  }

  private String host(Console console, ConfigFile file) {
    return lookup(host, console, "PUSHER_HOST", file, ConfigFile::host).orElse(DEFAULT_HOST);
  }

  private int port(Console console, ConfigFile file) {
    if (port != null) {
      return checkedPort(port, "--port");
    }
    var fromEnv = console.variable("PUSHER_PORT");
    if (fromEnv.isPresent()) {
      try {
        return checkedPort(Integer.parseInt(fromEnv.get()), "PUSHER_PORT");
      } catch (NumberFormatException e) {
        throw CliException.usage("PUSHER_PORT \"" + fromEnv.get() + "\" is not a port number");
      }
    }
    return file.port() == null ? DEFAULT_PORT : checkedPort(file.port(), "config port");
  }

  private String scheme(Console console, ConfigFile file) {
    String value =
        lookup(scheme, console, "PUSHER_SCHEME", file, ConfigFile::scheme).orElse("http");
    if (!value.equals("http") && !value.equals("https")) {
      throw CliException.usage("scheme \"" + value + "\" is invalid (expected http or https)");
    }
    return value;
  }

  private static int checkedPort(int value, String source) {
    if (value < 1 || value > 65_535) {
      throw CliException.usage(source + " " + value + " is not a port number (1..65535)");
    }
    return value;
  }

  private ConfigFile configFile(Console console) {
    if (config != null) {
      return ConfigFile.read(config);
    }
    return console
        .configHome()
        .map(home -> home.resolve("vask").resolve("config.json"))
        .filter(java.nio.file.Files::isRegularFile)
        .map(ConfigFile::read)
        .orElse(ConfigFile.EMPTY);
  }

  private static String pick(
      String flag,
      Console console,
      String variable,
      ConfigFile file,
      Function<ConfigFile, String> field,
      String flagName) {
    return lookup(flag, console, variable, file, field)
        .orElseThrow(
            () ->
                CliException.usage(
                    "missing "
                        + flagName
                        + " (or the "
                        + variable
                        + " environment variable, or the config file)"));
  }

  private static Optional<String> lookup(
      String flag,
      Console console,
      String variable,
      ConfigFile file,
      Function<ConfigFile, String> field) {
    return Optional.ofNullable(flag)
        .filter(v -> !v.isBlank())
        .or(() -> console.variable(variable))
        .or(() -> Optional.ofNullable(field.apply(file)).filter(v -> !v.isBlank()));
  }
}
