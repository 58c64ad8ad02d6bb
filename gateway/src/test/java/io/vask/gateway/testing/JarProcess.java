package io.vask.gateway.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The runnable jar as a process with exactly the given {@code VASK_*} variables, output to a log.
 */
public final class JarProcess {
  private JarProcess() {}

  public static Process start(Path log, Map<String, String> env) throws IOException {
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
