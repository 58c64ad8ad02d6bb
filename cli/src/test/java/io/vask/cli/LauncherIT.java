package io.vask.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The ./vask launcher at the repository root runs cli/target/vask-cli.jar (built by package). */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "vask").toAbsolutePath();

  private record Run(int code, String out, String err) {}

  private static Run launch(Map<String, String> env, String... args) throws Exception {
    var command = new java.util.ArrayList<String>();
    command.add(LAUNCHER.toString());
    command.addAll(java.util.List.of(args));
    var builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("PUSHER_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out, err);
  }

  @Test
  void runsTheJarWithItsExitCodes() throws Exception {
    var help = launch(Map.of(), "--help");
    var usage = launch(Map.of(), "trigger");

    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("Usage: vask").contains("Exit codes:");
    assertThat(usage.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(usage.err()).startsWith("vask: missing --app-id");
  }

  @Test
  void aMissingJarIsReportedWithHowToBuildIt() throws Exception {
    var run = launch(Map.of("VASK_CLI_JAR", "/nonexistent/vask-cli.jar"), "--help");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("make cli");
  }
}
