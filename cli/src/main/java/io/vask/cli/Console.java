package io.vask.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may touch of its surroundings: streams and environment. Tests pass their own, so
 * the commands run in-process with a controlled environment.
 */
public record Console(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {

  public static Console system() {
    return new Console(System.out, System.err, System.in, System.getenv());
  }

  /** A non-blank environment variable. */
  public Optional<String> variable(String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** The user's configuration directory: {@code $XDG_CONFIG_HOME} or {@code $HOME/.config}. */
  public Optional<Path> configHome() {
    return variable("XDG_CONFIG_HOME")
        .map(Path::of)
        .or(() -> variable("HOME").map(home -> Path.of(home, ".config")));
  }
}
