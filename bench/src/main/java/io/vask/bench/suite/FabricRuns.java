package io.vask.bench.suite;

import io.vask.bench.scenario.Options;
import io.vask.bench.scenario.ResultLine;
import io.vask.bench.scenario.Target;
import java.util.List;

/**
 * The fabric-scale sections of the suite (issue 17) and the variants of issues 13 and 15, each on
 * servers started for it: cost per delivery on one gateway and on three through NATS (then a big
 * presence channel on the same cluster), a reconnect storm on a draining cluster, webhook
 * throughput, and fan-out with limits on and off, with the debug console watching or not. The
 * cluster's cost run is followed by a NATS-loading one (many events, one subscriber per pod) that
 * gives nats-server's CPU per message.
 */
final class FabricRuns {
  private final Suite suite;
  private final Servers servers;
  private final Plan.Fabric plan;

  FabricRuns(Suite suite, Servers servers, Plan plan) {
    this.suite = suite;
    this.servers = servers;
    this.plan = plan.fabric();
  }

  /**
   * The overload runs and the connect rate, on the gateway section's own gateway. The sustainable
   * rate is searched upwards from the closed-loop maximum (whose bounded window keeps it below what
   * the gateway can take) in steps of 1.5x while the gateway keeps pace; then twice it.
   */
  void onGateway(Target gateway, Double closedLoopMax, int size) {
    if (closedLoopMax != null) {
      Options fanout = suite.opts().with("subscribers", size);
      double rate = Math.max(1, Math.round(closedLoopMax));
      ResultLine sustained = null;
      int steps = 0;
      while (steps++ < 4) {
        ResultLine line = Suite.run("fanout", gateway, fanout.with("rate", rate));
        if (!keptPace(line, rate)) {
          break;
        }
        sustained = line;
        rate = Math.round(rate * 1.5);
      }
      double base =
          sustained == null
              ? Math.round(closedLoopMax)
              : ((Number) sustained.get("rate")).doubleValue();
      if (sustained == null) {
        sustained = Suite.run("fanout", gateway, fanout.with("rate", base));
      }
      suite.record(sustained.put("overload_factor", 1.0).put("search_steps", steps - 1));
      suite.record(
          Suite.run("fanout", gateway, fanout.with("rate", 2 * base)).put("overload_factor", 2.0));
    }
    suite.scenario("connect-rate", gateway, connects());
  }

  /** Sent at the rate, nothing lost, and no queue growing past a second. */
  private static boolean keptPace(ResultLine line, double rate) {
    Double sent = Fields.number(line, "events_per_sec");
    Double p99 = Fields.number(line, "latency_ms", "p99");
    return sent != null
        && sent >= 0.98 * rate
        && Verdicts.same(0, line.get("loss"))
        && p99 != null
        && p99 < 1000;
  }

  /** The ceiling's bare upgrade rate, the reference of the connect rate. */
  void onCeiling(Target ceiling) {
    suite.scenario("connect-rate", ceiling, connects().with("subscribe", false));
  }

  /**
   * The sections after the standard set. The variants run at half the gateway's closed-loop maximum
   * at their size: many events per second, so a watching console has more records than its rate
   * limit lets through, and the per-request limits are paid often.
   */
  void runAll(java.util.Map<Integer, Double> gatewayMax) {
    Double max = gatewayMax.get(plan.variantSize());
    double variantRate = max == null ? 500 : Math.max(1, Math.round(max * 0.5));
    section("variants", () -> variants(variantRate));
    section("cost", this::costAndPresence);
    section("storm", this::storm);
    section("webhooks", this::webhooks);
  }

  private void variants(double rate) throws Exception {
    Options fanout = suite.opts().with("subscribers", plan.variantSize()).with("rate", rate);
    try (Servers.Running on = servers.gateway(List.of())) {
      Suite.run("fanout", on.target(), fanout); // JIT warm-up, not recorded
      suite.record(Suite.run("fanout", on.target(), fanout).put("variant", "limits-on"));
      suite.record(
          Suite.run("fanout", on.target(), fanout.with("watch-console", true))
              .put("variant", "console-watched"));
    }
    try (Servers.Running off = servers.gateway(List.of(), GatewayProfile.LIMITS_OFF)) {
      Suite.run("fanout", off.target(), fanout);
      suite.record(Suite.run("fanout", off.target(), fanout).put("variant", "limits-off"));
    }
  }

  private void costAndPresence() throws Exception {
    Options cost =
        suite
            .opts()
            .with("subscribers-per-node", plan.costSubscribersPerNode())
            .with("rate", plan.costRate());
    try (Servers.Running single = servers.gateway(List.of())) {
      suite.scenario("delivery-cost", single.target(), cost);
    }
    try (Servers.Running cluster = servers.cluster(3, List.of())) {
      suite.scenario("delivery-cost", cluster.target(), cost.with("warmup-ms", 8000));
      // NATS's cost per message: many events, one subscriber per pod, so that nats-server's CPU
      // is its per-message work rather than its fixed cost (heartbeats, KV, JetStream)
      suite.record(
          Suite.run(
                  "delivery-cost",
                  cluster.target(),
                  cost.with("subscribers-per-node", 1).with("rate", plan.natsLoadRate()))
              .put("scenario", "nats-load"));
      suite.scenario(
          "big-presence",
          cluster.target(),
          suite
              .opts()
              .with("members", plan.presenceMembers())
              .with("rate", plan.presenceJoinRate())
              .with("churners", plan.presenceChurners()));
    }
  }

  private void storm() throws Exception {
    try (Servers.Running cluster =
        servers.cluster(3, List.of(), GatewayProfile.draining(plan.stormDrainSeconds()))) {
      suite.scenario(
          "reconnect-storm",
          cluster.target(),
          suite
              .opts()
              .with("clients", plan.stormClients())
              .with("drain-window-ms", plan.stormDrainSeconds() * 1000)
              .with("source-ips", 4));
    }
  }

  private void webhooks() throws Exception {
    int receiver = ServerProcess.freePort();
    try (Servers.Running gateway =
        servers.gateway(
            List.of(), GatewayProfile.webhooks("http://127.0.0.1:" + receiver + "/webhooks"))) {
      suite.scenario(
          "webhooks",
          gateway.target(),
          suite.opts().with("rate", plan.webhookRate()).with("receiver-port", receiver));
    }
  }

  private Options connects() {
    return suite.opts().with("connections", plan.connects()).with("source-ips", 4);
  }

  /** A section that can fail alone: its error becomes a result line, the suite goes on. */
  private void section(String name, Section body) {
    if (!suite.section(name)) {
      return;
    }
    try {
      body.run();
    } catch (Exception e) {
      suite.record(
          new ResultLine(name, new Target("fabric", "", List.of(0), List.of(), 0, "", "", ""))
              .put("error", e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  @FunctionalInterface
  private interface Section {
    void run() throws Exception;
  }
}
