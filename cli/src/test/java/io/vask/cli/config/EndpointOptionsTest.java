package io.vask.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vask.cli.CliException;
import io.vask.cli.Console;
import io.vask.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Precedence: flags, then PUSHER_* variables, then the config file, then defaults. */
class EndpointOptionsTest {
  @TempDir Path home;

  @Command(name = "probe")
  static final class Probe {
    @Mixin EndpointOptions options;
  }

  private Endpoint resolve(Map<String, String> env, String... args) {
    var probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.options.resolve(new Console(null, null, null, env));
  }

  private Map<String, String> withConfig(String json) throws Exception {
    Path file = home.resolve(".config/vask/config.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
    var env = new HashMap<String, String>();
    env.put("HOME", home.toString());
    return env;
  }

  @Test
  void theConfigFileFillsWhatNothingElseGives() throws Exception {
    var env =
        withConfig(
            "{\"appId\":\"f-id\",\"key\":\"f-key\",\"secret\":\"f-secret\",\"host\":\"f-host\","
                + "\"port\":7000,\"scheme\":\"https\"}");

    assertThat(resolve(env))
        .isEqualTo(new Endpoint("f-id", "f-key", "f-secret", "f-host", 7000, "https"));
  }

  @Test
  void environmentBeatsTheFileAndFlagsBeatTheEnvironment() throws Exception {
    var env = withConfig("{\"appId\":\"f-id\",\"key\":\"f-key\",\"secret\":\"f-secret\"}");
    env.put("PUSHER_APP_KEY", "e-key");
    env.put("PUSHER_PORT", "6100");
    env.put("PUSHER_HOST", "e-host");

    Endpoint endpoint = resolve(env, "--host", "flag-host");

    assertThat(endpoint)
        .isEqualTo(new Endpoint("f-id", "e-key", "f-secret", "flag-host", 6100, "http"));
  }

  @Test
  void anExplicitConfigFileIsUsedAndDefaultsApplyLast() throws Exception {
    Path file = Files.writeString(home.resolve("other.json"), "{\"appId\":\"1\",\"key\":\"k\"}");

    Endpoint endpoint = resolve(Map.of("PUSHER_APP_SECRET", "s"), "--config", file.toString());

    assertThat(endpoint).isEqualTo(new Endpoint("1", "k", "s", "127.0.0.1", 6001, "http"));
  }

  @Test
  void aBrokenConfigFileOrABadPortIsAUsageError() throws Exception {
    var typo = withConfig("{\"appid\":\"1\"}");
    var badPort =
        Map.of(
            "PUSHER_APP_ID",
            "1",
            "PUSHER_APP_KEY",
            "k",
            "PUSHER_APP_SECRET",
            "s",
            "PUSHER_PORT",
            "http");

    assertThatThrownBy(() -> resolve(typo))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE));
    assertThatThrownBy(() -> resolve(badPort))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
        .hasMessageContaining("PUSHER_PORT");
  }
}
