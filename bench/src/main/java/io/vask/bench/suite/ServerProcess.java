package io.vask.bench.suite;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server process started by the suite, optionally pinned with taskset; its output goes to a log
 * file. Every started process is destroyed on {@link #close}, and by a shutdown hook if the suite
 * dies first.
 */
final class ServerProcess implements AutoCloseable {
  private static final ConcurrentLinkedQueue<Process> LIVE = new ConcurrentLinkedQueue<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "bench-reaper"));
  }

  private final String name;
  private final Process process;
  private final Path log;

  private ServerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command}, pinned to {@code cpus} when taskset exists and cpus is not empty. */
  static ServerProcess start(
      String name, List<String> command, Map<String, String> env, String cpus, Path logDir)
      throws IOException {
    List<String> full = new ArrayList<>();
    if (!cpus.isEmpty() && Files.isExecutable(Path.of("/usr/bin/taskset"))) {
      full.addAll(List.of("/usr/bin/taskset", "-c", cpus));
    }
    full.addAll(command);
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    LIVE.add(process);
    return new ServerProcess(name, process, log);
  }

  /**
   * Waits until {@code port} accepts connections; throws with the log's tail if the process exits
   * first or the timeout passes.
   */
  ServerProcess awaitPort(int port, long timeoutMillis) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + ": " + logTail());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return this;
      } catch (IOException notYet) {
        Thread.sleep(100); // polling a port that is not open yet
      }
    }
    throw new IllegalStateException(name + " did not open port " + port + ": " + logTail());
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  String logTail() throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    List<String> tail = lines.subList(Math.max(0, lines.size() - 6), lines.size());
    return String.join(" | ", tail).trim();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    LIVE.remove(process);
  }
}
