package io.vask.bench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vask.bench.scenario.Options;
import io.vask.bench.scenario.ResultLine;
import io.vask.bench.scenario.Scenarios;
import io.vask.bench.scenario.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The standard set: the ceiling first (its closed-loop maxima set the rates of the latency sweep
 * and of the sustained runs), then the gateway at the same sizes, rates and client-event load, then
 * idle memory on a fresh gateway and the cluster. Writes results.json, the charts and, with {@code
 * --jfr}, the gateway's hot methods. A watchdog ends the run (and its servers) at {@code
 * --max-seconds}.
 */
public final class Suite {
  private final Options options;
  private final Plan plan;
  private final Servers servers;
  private final Path out;
  private final List<ResultLine> lines = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Instant started = Instant.now();
  private boolean finished;
  private final FabricRuns fabric;
  private Map<Integer, Double> gatewayMax = Map.of();

  private Suite(Options options, Path benchJar) {
    this.options = options;
    this.plan = Plan.of(options);
    this.out = Path.of(options.text("out", "docs/bench"));
    this.servers =
        new Servers(
            Path.of(options.text("gateway-jar", "gateway/target/vask-gateway.jar")),
            benchJar,
            Path.of(options.text("work", "bench/target/bench-work")),
            options.text("server-cpus", "0"));
    this.fabric = new FabricRuns(this, servers, plan);
  }

  public static int run(Options options) throws Exception {
    Path benchJar =
        Path.of(Suite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Suite suite = new Suite(options, benchJar);
    suite.startWatchdog(options.integer("max-seconds", 570));
    return suite.runAll();
  }

  private int runAll() throws Exception {
    Files.createDirectories(out);
    Path jfr = out.resolve("gateway.jfr").toAbsolutePath();
    Path clusterJfr = out.resolve("cluster-node.jfr").toAbsolutePath();
    List<String> gatewayFlags = recording(jfr);
    // the ceiling first: its closed-loop maxima set the rates every fixed-rate run uses
    Map<Integer, Double> ceilingMax = Map.of();
    try (Servers.Running ceiling = section("ceiling") ? servers.ceiling() : null) {
      if (ceiling == null) {
        throw new Skipped();
      }
      ceilingMax = deliveryRuns(ceiling.target(), Map.of());
      fabric.onCeiling(ceiling.target());
      // the same relay load on a server that does nothing else: the machine's own latency tail
      clientEvents(ceiling.target());
    } catch (Exception e) {
      error("fanout", "ceiling", e);
    }
    try (Servers.Running gateway = section("gateway") ? servers.gateway(gatewayFlags) : null) {
      if (gateway == null) {
        throw new Skipped();
      }
      Map<Integer, Double> gatewayMax = deliveryRuns(gateway.target(), ceilingMax);
      clientEvents(gateway.target());
      scenario("presence-churn", gateway.target(), opts().with("rate", plan.loads().joinRate()));
      this.gatewayMax = gatewayMax;
      fabric.onGateway(
          gateway.target(), gatewayMax.get(plan.fanout().sweepSize()), plan.fanout().sweepSize());
    } catch (Exception e) {
      error("fanout", "gateway", e);
    }
    try (Servers.Running gateway = section("idle") ? servers.gateway(List.of()) : null) {
      if (gateway == null) {
        throw new Skipped();
      }
      scenario(
          "idle",
          gateway.target(),
          opts().with("connections", plan.loads().idleConnections()).with("source-ips", 4));
    } catch (Exception e) {
      error("idle", "gateway", e);
    }
    try (Servers.Running cluster =
        section("cluster") ? servers.cluster(3, recording(clusterJfr)) : null) {
      if (cluster == null) {
        throw new Skipped();
      }
      scenario(
          "cluster-fanout",
          cluster.target(),
          opts().with("subscribers", plan.loads().clusterSubscribers()));
    } catch (Exception e) {
      error("cluster-fanout", "gateway-cluster", e);
    }
    if (Files.exists(jfr)) {
      // the gateway section's profile: what the limits and the (unwatched) debug hooks cost
      record(
          new ResultLine("profile-share", servers.label("gateway"))
              .put(
                  "package_share_pct",
                  HotMethods.packageShares(
                      jfr, List.of("io.vask.gateway.limit", "io.vask.gateway.console"))));
    }
    fabric.runAll(gatewayMax);
    finish(null);
    if (Files.exists(jfr)) {
      Files.writeString(out.resolve("gateway-hot-methods.txt"), HotMethods.summarise(jfr, 30));
    }
    if (Files.exists(clusterJfr)) {
      Files.writeString(
          out.resolve("cluster-node-hot-methods.txt"), HotMethods.summarise(clusterJfr, 30));
    }
    return 0;
  }

  /** With {@code --jfr}: the JVM flags that record a profile into {@code file}. */
  private List<String> recording(Path file) {
    return Boolean.parseBoolean(options.text("jfr", "false"))
        ? List.of("-XX:StartFlightRecording=filename=" + file + ",settings=profile,dumponexit=true")
        : List.of();
  }

  /** Writes results.json and the charts from the lines so far; once. */
  private synchronized void finish(String stoppedBecause) throws Exception {
    if (finished) {
      return;
    }
    finished = true;
    Verdicts.addCeilingFractions(lines);
    write(stoppedBecause);
    Charts.write(lines, out);
    Summary.write(lines, Verdicts.targets(lines), out.resolve("summary.md"));
    UnitCosts.write(
        lines,
        started.toString(),
        Boolean.parseBoolean(options.text("quick", "false")),
        out.resolve("unit-costs.json"));
  }

  /**
   * Fan-out at each size (closed loop); then, at fixed rates that are fractions of the ceiling's
   * maxima ({@code base}, or this target's own when empty), the latency sweep at 1000 subscribers
   * and the sustained runs; then channels. Returns this target's closed-loop events/s by size.
   */
  private Map<Integer, Double> deliveryRuns(Target target, Map<Integer, Double> base)
      throws Exception {
    // one run that is not recorded: the JIT of this server (and, the first time, of the
    // generator) compiles the fan-out path on the pinned cores before anything is measured
    run("fanout", target, opts().with("subscribers", plan.fanout().sweepSize()));
    Map<Integer, Double> maxEvents = new TreeMap<>();
    for (int size : plan.fanout().sizes()) {
      ResultLine line = scenario("fanout", target, opts().with("subscribers", size));
      if (line.get("events_per_sec") instanceof Number e) {
        maxEvents.put(size, e.doubleValue());
      }
    }
    Map<Integer, Double> rates = base.isEmpty() ? maxEvents : base;
    int sweepSize = plan.fanout().sweepSize();
    for (double fraction : plan.fanout().rateFractions()) {
      fixedRate(target, sweepSize, rates, fraction);
    }
    for (int size : plan.fanout().sustainedSizes()) {
      if (size != sweepSize || !plan.fanout().rateFractions().contains(Plan.SUSTAINED)) {
        fixedRate(target, size, rates, Plan.SUSTAINED);
      }
    }
    scenario(
        "channels",
        target,
        opts()
            .with("subscribers", plan.loads().channelSockets())
            .with("channels", plan.loads().channels()));
    return maxEvents;
  }

  /** Fan-out to {@code size} subscribers at {@code fraction} of the reference maximum. */
  private void fixedRate(Target target, int size, Map<Integer, Double> rates, double fraction) {
    Double max = rates.get(size);
    if (max == null) {
      return;
    }
    double rate = Math.max(1, Math.round(max * fraction));
    record(
        run("fanout", target, opts().with("subscribers", size).with("rate", rate))
            .put("fraction_of_ceiling_rate", fraction));
  }

  private void clientEvents(Target target) {
    scenario(
        "client-events",
        target,
        opts().with("pairs", plan.loads().pairs()).with("rate", plan.loads().clientEventRate()));
  }

  Options opts() {
    return options.with("duration", plan.seconds());
  }

  ResultLine scenario(String name, Target target, Options scenarioOptions) {
    ResultLine line = run(name, target, scenarioOptions);
    record(line);
    return line;
  }

  static ResultLine run(String name, Target target, Options scenarioOptions) {
    try {
      return Scenarios.named(name).run(target, scenarioOptions);
    } catch (Exception e) {
      return new ResultLine(name, target).put("error", e.toString());
    }
  }

  /** Thrown to leave a section that {@code --only} excludes. */
  private static final class Skipped extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /**
   * {@code --only gateway,ceiling,idle,cluster,variants,cost,storm,webhooks} runs a subset of the
   * sections (default: all).
   */
  boolean section(String name) {
    String only = options.text("only", "");
    return only.isEmpty() || List.of(only.split(",")).contains(name);
  }

  private void error(String scenario, String target, Exception e) {
    if (e instanceof Skipped) {
      return;
    }
    ResultLine line =
        new ResultLine(scenario, new Target(target, "", List.of(0), List.of(), 0, "", "", ""))
            .put("error", e.getMessage() == null ? e.toString() : e.getMessage());
    record(line);
  }

  /**
   * Prints and keeps a line; synchronized with {@link #finish} so a watchdog stop sees whole lines.
   */
  synchronized void record(ResultLine line) {
    System.out.println(line.json());
    lines.add(line);
  }

  private void write(String stoppedBecause) throws Exception {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("started", started.toString());
    doc.put("finished", Instant.now().toString());
    if (stoppedBecause != null) {
      doc.put("stopped_early", stoppedBecause);
    }
    doc.put("machine", Machine.describe());
    doc.put("server_cpus", options.text("server-cpus", "0"));
    doc.put("server_jvm_flags", Servers.JVM_FLAGS);
    doc.put("quick", Boolean.parseBoolean(options.text("quick", "false")));
    doc.put("targets", Verdicts.targets(lines));
    List<Map<String, Object>> results = new ArrayList<>();
    lines.forEach(l -> results.add(l.fields()));
    doc.put("results", results);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out.resolve("results.json").toFile(), doc);
  }

  /** At the time limit: keep what was measured (results, charts), then end with status 3. */
  private void startWatchdog(int seconds) {
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(seconds * 1000L);
                System.err.println("bench: time limit of " + seconds + " s reached, stopping");
                finish("time limit of " + seconds + " s");
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              } catch (Exception e) {
                System.err.println("bench: could not write partial results: " + e);
              }
              System.exit(3);
            },
            "bench-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
