package io.vask.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.cli.support.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Usage errors exit 2 with a {@code vask:} line on stderr; every command answers --help. */
class UsageTest {
  private static final Console QUIET =
      new Console(System.out, System.err, java.io.InputStream.nullInputStream(), Map.of());

  static Stream<List<String>> everyCommand() {
    var paths = new ArrayList<List<String>>();
    collect(Vask.commandLine(QUIET), new ArrayList<>(), paths);
    return paths.stream();
  }

  private static void collect(CommandLine line, List<String> path, List<List<String>> into) {
    into.add(List.copyOf(path));
    line.getSubcommands()
        .forEach(
            (name, sub) -> {
              var next = new ArrayList<>(path);
              next.add(name);
              collect(sub, next, into);
            });
  }

  @ParameterizedTest
  @MethodSource("everyCommand")
  void everyCommandHasHelp(List<String> command) {
    var args = new ArrayList<>(command);
    args.add("--help");

    var result = CliRun.run(Map.of(), args.toArray(String[]::new));

    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("Usage: vask");
  }

  @Test
  void theCommandTreeHasEveryDocumentedCommand() {
    assertThat(everyCommand().map(path -> String.join(" ", path)))
        .contains(
            "trigger",
            "tail",
            "channels",
            "users",
            "apps list",
            "apps create",
            "apps import",
            "apps credentials",
            "webhook verify",
            "register");
  }

  @Test
  void noCommandUnknownOptionsAndMissingArgumentsAreUsageErrors() {
    var env = Map.of("PUSHER_APP_ID", "1", "PUSHER_APP_KEY", "k", "PUSHER_APP_SECRET", "s");
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"nonsense"},
            new String[] {"trigger", "--bogus"},
            new String[] {"trigger", "only-a-channel"},
            new String[] {"tail"},
            new String[] {"tail", "presence-room"},
            new String[] {"users"},
            new String[] {"apps"},
            new String[] {"webhook", "verify"},
            new String[] {"register", "--github", "ada"},
            new String[] {"channels", "--port", "70000"},
            new String[] {"apps", "credentials", "x", "--format", "yaml", "--apps-file", "a"})) {
      var result = CliRun.run(env, args);
      assertThat(result.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).as(String.join(" ", args)).startsWith("vask: ");
    }
  }

  @Test
  void missingCredentialsNameTheFlagAndTheVariable() {
    var result = CliRun.run(Map.of(), "channels");

    assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "vask: missing --app-id (or the PUSHER_APP_ID environment variable, or the config"
                + " file)\n");
  }
}
