package io.vask.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.gateway.testing.JarProcess;
import io.vask.gateway.testing.NatsServer;
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
          JarProcess.start(
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
}
