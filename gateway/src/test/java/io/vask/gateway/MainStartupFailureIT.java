package io.vask.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.gateway.testing.NatsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar exits (status 1) when it cannot start, instead of living on serving nothing. */
class MainStartupFailureIT {

  @Test
  void exitsWithStatusOneWhenItsPortIsTaken(@TempDir Path dir) throws Exception {
    Path apps = dir.resolve("apps.json");
    Files.writeString(apps, "{\"apps\":[{\"id\":\"1\",\"key\":\"key\",\"secret\":\"secret\"}]}");
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Path log = dir.resolve("gateway.log");
      Process gateway =
          start(
              log,
              Map.of(
                  "VASK_HOST", "127.0.0.1",
                  "VASK_PORT", Integer.toString(taken.getLocalPort()),
                  "VASK_METRICS_PORT", Integer.toString(NatsServer.freePort()),
                  "VASK_APPS_FILE", apps.toString()));
      boolean exited = gateway.waitFor(60, TimeUnit.SECONDS);
      if (!exited) {
        gateway.destroyForcibly();
      }
      assertThat(exited).as("the gateway exits").isTrue();
      assertThat(gateway.exitValue()).isEqualTo(1);
      assertThat(Files.readString(log, StandardCharsets.UTF_8))
          .contains("failed to start")
          .contains("Address already in use");
    }
  }

  private static Process start(Path log, Map<String, String> env) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("VASK_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static Path jar() {
    Path here = Path.of("target", "vask-gateway.jar");
    return here.toFile().exists()
        ? here.toAbsolutePath()
        : Path.of("gateway", "target", "vask-gateway.jar").toAbsolutePath();
  }
}
