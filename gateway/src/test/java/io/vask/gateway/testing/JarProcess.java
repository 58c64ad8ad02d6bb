package io.vask.gateway.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runnable jar as a process with exactly the given {@code VASK_*} variables, output to a log.
 */
public final class JarProcess {
  private JarProcess() {}

  public static Process start(Path log, Map<String, String> env) throws IOException {
    return start(log, env, List.of("-XX:TieredStopAtLevel=1"));
  }

  /** With these JVM flags instead of the default quick-start one. */
  public static Process start(Path log, Map<String, String> env, List<String> jvmFlags)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-jar");
    command.add(jar().toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
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
