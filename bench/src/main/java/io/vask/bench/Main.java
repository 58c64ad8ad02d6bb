package io.vask.bench;

import io.vask.bench.ceiling.CeilingServer;
import io.vask.bench.scenario.Options;
import io.vask.bench.scenario.Scenarios;
import io.vask.bench.scenario.Target;
import io.vask.bench.suite.Suite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar vask-bench.jar <command>}:
 *
 * <ul>
 *   <li>{@code ceiling [--host h] [--port p]}: run the ceiling server;
 *   <li>{@code scenario <name> --port p [--target gateway] [--app-id --key --secret] [--server-pid
 *       pid] [--metrics-port p] [knobs]}: one scenario against a running server;
 *   <li>{@code suite [--out docs/bench] [--gateway-jar path] [--quick]}: the standard set against a
 *       gateway and the ceiling it starts itself, then results JSON and charts;
 *   <li>{@code report [--in docs/bench/results.json] [--out docs/bench]}: charts, summary.md and
 *       the verdicts again from saved results;
 *   <li>{@code capacity [--units docs/bench/unit-costs.json] [--doc docs/capacity.md]}: sets the
 *       figures of the capacity model from a run's unit costs;
 *   <li>{@code jmh [JMH options]}: the hot-path microbenchmarks.
 * </ul>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: vask-bench ceiling|scenario <name>|suite|jmh [options]");
      System.exit(2);
    }
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    switch (args[0]) {
      case "ceiling" -> ceiling(Options.parse(rest));
      case "scenario" -> scenario(rest);
      case "suite" -> System.exit(Suite.run(Options.parse(rest)));
      case "report" -> {
        Options options = Options.parse(rest);
        System.exit(
            io.vask.bench.suite.Report.run(
                java.nio.file.Path.of(options.text("in", "docs/bench/results.json")),
                java.nio.file.Path.of(options.text("out", "docs/bench"))));
      }
      case "capacity" -> {
        Options options = Options.parse(rest);
        System.exit(
            io.vask.bench.suite.CapacityDoc.run(
                java.nio.file.Path.of(options.text("units", "docs/bench/unit-costs.json")),
                java.nio.file.Path.of(options.text("doc", "docs/capacity.md"))));
      }
      case "jmh" -> org.openjdk.jmh.Main.main(rest.toArray(String[]::new));
      default -> {
        System.err.println("unknown command " + args[0]);
        System.exit(2);
      }
    }
  }

  private static void ceiling(Options options) throws InterruptedException {
    CeilingServer server =
        CeilingServer.start(options.text("host", "127.0.0.1"), options.integer("port", 6101));
    System.out.println("ceiling listening on " + server.port());
    server.awaitClose();
  }

  private static void scenario(List<String> rest) throws Exception {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("scenario needs a name");
    }
    Options options = Options.parse(rest.subList(1, rest.size()));
    List<Integer> ports = new ArrayList<>();
    for (String port : options.text("port", "6001").split(",")) {
      ports.add(Integer.parseInt(port.trim()));
    }
    List<Long> pids = new ArrayList<>();
    for (String pid : options.text("server-pid", "").split(",")) {
      if (!pid.isBlank()) {
        pids.add(Long.parseLong(pid.trim()));
      }
    }
    Target target =
        new Target(
            options.text("target", "gateway"),
            options.text("host", "127.0.0.1"),
            ports,
            pids,
            options.integer("metrics-port", 0),
            options.text("app-id", "bench"),
            options.text("key", "bench-key"),
            options.text("secret", "bench-secret"));
    System.out.println(Scenarios.named(rest.get(0)).run(target, options).json());
    System.exit(0);
  }
}
