package io.vask.bench.suite;

import io.vask.bench.scenario.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the servers under test with the JVM flags the published figures use: the ceiling, one
 * gateway, or a NATS server plus gateways sharing it. All on the server CPUs, loopback only.
 */
final class Servers {
  static final String APP_ID = "bench";
  static final String APP_KEY = "bench-key";
  static final String APP_SECRET = "bench-secret";

  /** The gateway's (and ceiling's) JVM flags in every published run. */
  static final List<String> JVM_FLAGS =
      List.of(
          "-Xms512m",
          "-Xmx512m",
          "-XX:+UseG1GC",
          "-XX:MaxDirectMemorySize=256m",
          "-XX:+ExitOnOutOfMemoryError",
          "-XX:+PerfDisableSharedMem",
          "-Dio.netty.leakDetection.level=disabled");

  private final Path gatewayJar;
  private final Path benchJar;
  private final Path workDir;
  private final String cpus;

  Servers(Path gatewayJar, Path benchJar, Path workDir, String cpus) {
    this.gatewayJar = gatewayJar;
    this.benchJar = benchJar;
    this.workDir = workDir;
    this.cpus = cpus;
  }

  /** A started server group and the target describing it. */
  record Running(Target target, List<ServerProcess> processes) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      for (int i = processes.size() - 1; i >= 0; i--) {
        processes.get(i).close();
      }
    }
  }

  Running ceiling() throws Exception {
    int port = ServerProcess.freePort();
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(JVM_FLAGS);
    command.addAll(
        List.of("-cp", benchJar.toString(), "io.vask.bench.Main", "ceiling", "--port", "" + port));
    ServerProcess process =
        ServerProcess.start("ceiling", command, Map.of(), cpus, workDir).awaitPort(port, 30_000);
    return new Running(target("ceiling", List.of(port), List.of(process), 0), List.of(process));
  }

  Running gateway(List<String> extraFlags) throws Exception {
    return gateway(extraFlags, GatewayProfile.STANDARD);
  }

  Running gateway(List<String> extraFlags, GatewayProfile profile) throws Exception {
    int port = ServerProcess.freePort();
    int metrics = ServerProcess.freePort();
    ServerProcess process =
        startGateway("gateway", port, metrics, null, extraFlags, profile).awaitPort(port, 30_000);
    return new Running(
        target("gateway", List.of(port), List.of(process), metrics), List.of(process));
  }

  /**
   * NATS plus {@code nodes} gateways; the second node (one that receives the events over NATS) gets
   * {@code secondNodeFlags}. Throws with the first gateway's complaint if one refuses.
   */
  Running cluster(int nodes, List<String> secondNodeFlags) throws Exception {
    return cluster(nodes, secondNodeFlags, GatewayProfile.STANDARD);
  }

  /** As {@link #cluster(int, List)}, every node started with {@code profile}. */
  Running cluster(int nodes, List<String> secondNodeFlags, GatewayProfile profile)
      throws Exception {
    List<ServerProcess> started = new ArrayList<>();
    try {
      Files.createDirectories(workDir);
      int natsPort = ServerProcess.freePort();
      started.add(
          ServerProcess.start(
                  "nats-server",
                  List.of(
                      natsServer(),
                      "-a",
                      "127.0.0.1",
                      "-p",
                      "" + natsPort,
                      "-js",
                      "-sd",
                      Files.createTempDirectory(workDir, "nats-store").toString()),
                  Map.of(),
                  cpus,
                  workDir)
              .awaitPort(natsPort, 15_000));
      List<Integer> ports = new ArrayList<>();
      List<ServerProcess> gateways = new ArrayList<>();
      int firstMetrics = 0;
      for (int i = 0; i < nodes; i++) {
        int port = ServerProcess.freePort();
        int metrics = ServerProcess.freePort();
        firstMetrics = i == 0 ? metrics : firstMetrics;
        ServerProcess gateway =
            startGateway(
                "gateway-" + i,
                port,
                metrics,
                "nats://127.0.0.1:" + natsPort,
                i == 1 ? secondNodeFlags : List.of(),
                profile);
        started.add(gateway);
        gateways.add(gateway);
        gateway.awaitPort(port, 30_000);
        ports.add(port);
      }
      List<ServerProcess> pids = new ArrayList<>(gateways);
      pids.add(started.get(0));
      return new Running(target("gateway-cluster", ports, pids, firstMetrics), started);
    } catch (Exception e) {
      new Running(null, started).close();
      throw e;
    }
  }

  private ServerProcess startGateway(
      String name,
      int port,
      int metrics,
      String natsUrl,
      List<String> extraFlags,
      GatewayProfile profile)
      throws IOException {
    Path apps = workDir.resolve("bench-apps-" + profile.name() + ".json");
    Files.createDirectories(workDir);
    Files.writeString(
        apps,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(
                Map.of("apps", List.of(profile.appJson(APP_ID, APP_KEY, APP_SECRET)))));
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(JVM_FLAGS);
    command.addAll(extraFlags);
    command.addAll(List.of("-jar", gatewayJar.toString()));
    Map<String, String> env = new java.util.HashMap<>();
    env.put("VASK_HOST", "127.0.0.1");
    env.put("VASK_PORT", "" + port);
    env.put("VASK_METRICS_PORT", "" + metrics);
    env.put("VASK_APPS_FILE", apps.toString());
    env.put("VASK_DRAIN_SECONDS", "0");
    // every load client connects from 127.0.0.1: the per-address limits stay on (their cost is
    // part of what is measured) but high enough never to refuse the benchmark's own sockets
    env.put("VASK_MAX_CONNECTIONS_PER_IP", "1000000");
    env.put("VASK_NEW_CONNECTIONS_PER_IP_PER_SECOND", "1000000");
    env.put("VASK_IO_THREADS", "" + Math.max(1, cpus.isEmpty() ? 0 : cpus.split(",").length));
    env.putAll(profile.env());
    if (natsUrl != null) {
      env.put("VASK_NATS_URL", natsUrl);
      env.put("VASK_NODE_ID", name);
    }
    return ServerProcess.start(name, command, env, cpus, workDir);
  }

  private static String natsServer() {
    for (String candidate : List.of("/usr/sbin/nats-server", "/usr/bin/nats-server")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return "nats-server";
  }

  /** A target that only names a result line's server (no ports, no processes). */
  Target label(String name) {
    return new Target(name, "", List.of(0), List.of(), 0, "", "", "");
  }

  private static Target target(
      String name, List<Integer> ports, List<ServerProcess> processes, int metricsPort) {
    List<Long> pids = new ArrayList<>();
    processes.forEach(p -> pids.add(p.pid()));
    return new Target(name, "127.0.0.1", ports, pids, metricsPort, APP_ID, APP_KEY, APP_SECRET);
  }
}
