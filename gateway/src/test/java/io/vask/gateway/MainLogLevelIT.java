package io.vask.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.gateway.testing.JarProcess;
import io.vask.gateway.testing.NatsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code VASK_LOG_LEVEL} is a known setting and sets the level of the running jar's log. */
class MainLogLevelIT {

  @Test
  void debugLinesAppearOnlyWhenAskedFor(@TempDir Path dir) throws Exception {
    String atDebug = startedLog(dir.resolve("debug.log"), Map.of("VASK_LOG_LEVEL", "debug"));
    assertThat(atDebug).contains(" DEBUG ").contains("listening on 127.0.0.1:");

    String atDefault = startedLog(dir.resolve("default.log"), Map.of());
    assertThat(atDefault).contains(" INFO ").doesNotContain(" DEBUG ");

    String inJson =
        startedLog(
            dir.resolve("json.log"), Map.of("VASK_LOG_LEVEL", "DEBUG", "VASK_LOG_FORMAT", "json"));
    assertThat(inJson).contains("\"level\":\"DEBUG\"");
  }

  /** Starts a gateway, waits until it has logged its start, stops it and returns its output. */
  private static String startedLog(Path log, Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(extra);
    env.put("VASK_HOST", "127.0.0.1");
    env.put("VASK_PORT", Integer.toString(NatsServer.freePort()));
    env.put("VASK_METRICS_PORT", Integer.toString(NatsServer.freePort()));
    env.put("VASK_APP_ID", "1");
    env.put("VASK_APP_KEY", "key");
    env.put("VASK_APP_SECRET", "secret");
    env.put("VASK_DRAIN_SECONDS", "0");
    Process gateway = JarProcess.start(log, env);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> read(log).contains("vask gateway started") || !gateway.isAlive());
      assertThat(gateway.isAlive()).as("the gateway runs: %s", read(log)).isTrue();
    } finally {
      gateway.destroy();
      if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
        gateway.destroyForcibly();
      }
    }
    return read(log);
  }

  private static String read(Path log) throws Exception {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
