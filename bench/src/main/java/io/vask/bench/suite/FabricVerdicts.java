package io.vask.bench.suite;

import io.vask.bench.scenario.ResultLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The targets of issue 17 (fabric scale), 13 (limits' cost) and 15 (debug stream's cost). */
final class FabricVerdicts {
  private FabricVerdicts() {}

  static List<Map<String, Object>> targets(List<ResultLine> lines) {
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(clusterCost(lines));
    out.add(crossPod(lines));
    out.add(storm(lines));
    out.add(connectRate(lines));
    out.add(presence(lines));
    out.add(overload(lines));
    out.add(webhooks(lines));
    out.add(limits(lines));
    out.add(debugUnwatched(lines));
    out.add(debugWatched(lines));
    return out;
  }

  private static Map<String, Object> clusterCost(List<ResultLine> lines) {
    ResultLine single = Fields.where(lines, "delivery-cost", "nodes", 1);
    ResultLine cluster = Fields.where(lines, "delivery-cost", "nodes", 3);
    Double s = Fields.number(single, "cost", "total_cpu_s_per_million");
    Double c = Fields.number(cluster, "cost", "total_cpu_s_per_million");
    String target = "cluster cost: CPU per delivery on 3 pods + NATS <= 1.25x one pod";
    if (s == null || c == null || s <= 0) {
      return verdict(target, "not run", false);
    }
    return verdict(
        target,
        String.format(
            "%.2fx: one pod %s CPU-s per million deliveries; cluster %s (gateways %s, NATS %s)",
            c / s,
            Fields.format(s),
            Fields.format(c),
            Fields.format(Fields.number(cluster, "cost", "gateway_cpu_s_per_million")),
            Fields.format(Fields.number(cluster, "cost", "nats_cpu_s_per_million"))),
        c / s <= 1.25 && Verdicts.same(0, cluster.get("loss")));
  }

  private static Map<String, Object> crossPod(List<ResultLine> lines) {
    ResultLine cluster = Fields.where(lines, "delivery-cost", "nodes", 3);
    Double added = Fields.number(cluster, "cost", "added_p50_ms");
    return verdict(
        "cluster: a cross-pod delivery adds <= 1 ms at p50",
        added == null
            ? "not run"
            : String.format(
                "+%s ms (p50 %s ms at the publisher's pod, %s ms at the others)",
                added,
                Fields.at(cluster, "cost", "p50_ms_publisher_node"),
                Fields.at(cluster, "cost", "p50_ms_other_nodes")),
        added != null && added <= 1);
  }

  private static Map<String, Object> storm(List<ResultLine> lines) {
    ResultLine storm = Fields.where(lines, "reconnect-storm", "target", "gateway-cluster");
    String target = "reconnect storm: every client back within the drain window, no 4100";
    if (storm == null) {
      return verdict(target, "not run", false);
    }
    Object closes = storm.get("closes_by_code");
    boolean no4100 = !(closes instanceof Map<?, ?> m) || m.get("4100") == null;
    return verdict(
        target,
        String.format(
            "%s of %s back after %s ms (window %s ms); %s failed attempts; closes %s;"
                + " receivers peak CPU %s%%, peak RSS %s MiB",
            storm.get("resubscribed"),
            storm.get("subscribed"),
            storm.get("all_back_ms"),
            storm.get("drain_window_ms"),
            storm.get("failed_attempts"),
            closes,
            storm.get("receivers_peak_cpu_pct"),
            mib(storm.get("receivers_peak_rss_bytes"))),
        Boolean.TRUE.equals(storm.get("all_back_within_drain_window")) && no4100);
  }

  private static Map<String, Object> connectRate(List<ResultLine> lines) {
    ResultLine gateway = Fields.where(lines, "connect-rate", "target", "gateway");
    ResultLine ceiling = Fields.where(lines, "connect-rate", "target", "ceiling");
    Double perCore = Fields.number(gateway, "per_core_sec");
    return verdict(
        "connect + subscribe: >= 5 000 per second per core",
        perCore == null
            ? "not run"
            : String.format(
                "%.0f per CPU-second (%s/s wall); ceiling's bare upgrade %s per CPU-second",
                perCore,
                gateway.get("per_sec"),
                Fields.format(Fields.number(ceiling, "per_core_sec"))),
        perCore != null && perCore >= 5000);
  }

  private static Map<String, Object> presence(List<ResultLine> lines) {
    ResultLine big = Fields.where(lines, "big-presence", "target", "gateway-cluster");
    String target =
        "big presence: member_added/removed p99 < 50 ms, new member p99 < 100 ms, GET users < 50 ms";
    if (big == null) {
      return verdict(target, "not run", false);
    }
    double added = Verdicts.p99(big, "member_added_ms");
    double removed = Verdicts.p99(big, "member_removed_ms");
    double joined = Verdicts.p99(big, "new_member_subscribed_ms");
    double users = Verdicts.p99(big, "users_api_ms");
    return verdict(
        target,
        String.format(
            "%s members, %s joins/s (%s member-event deliveries/s): added p99 %s, removed p99 %s,"
                + " new member p99 %s, GET users p99 %s ms; %s B heap per member",
            big.get("joined"),
            big.get("joins_per_sec"),
            big.get("member_event_deliveries_per_sec"),
            added,
            removed,
            joined,
            users,
            big.get("heap_bytes_per_member")),
        added < 50 && removed < 50 && joined < 100 && users < 50);
  }

  private static Map<String, Object> overload(List<ResultLine> lines) {
    ResultLine peak = Fields.where(lines, "fanout", "overload_factor", 1.0);
    ResultLine twice = Fields.where(lines, "fanout", "overload_factor", 2.0);
    Double p = Fields.number(peak, "deliveries_per_sec");
    Double t = Fields.number(twice, "deliveries_per_sec");
    String target = "overload: at 2x the sustainable rate, >= 90% of peak deliveries/s";
    if (p == null || t == null || p <= 0) {
      return verdict(target, "not run", false);
    }
    return verdict(
        target,
        String.format(
            "%.2f of peak (%s vs %s deliveries/s); generator CPU %s%%, its backlog %s events;"
                + " API answer p99 %s ms",
            t / p,
            twice.get("deliveries_per_sec"),
            peak.get("deliveries_per_sec"),
            Fields.at(twice, "cpu", "client_pct"),
            twice.get("generator_max_behind_events"),
            Verdicts.p99(twice, "api_answer_ms")),
        t / p >= 0.9);
  }

  private static Map<String, Object> webhooks(List<ResultLine> lines) {
    ResultLine hooks = Fields.where(lines, "webhooks", "target", "gateway");
    Double rate = Fields.number(hooks, "webhook_events_per_sec");
    String target = "webhooks: >= 5 000 events/s from one pod, backlog bounded while slow";
    if (rate == null) {
      return verdict(target, "not run", false);
    }
    return verdict(
        target,
        String.format(
            "%.0f events/s (%s per request); slow receiver: peak backlog %s MiB of %s, dropped %s,"
                + " peak RSS %s MiB",
            rate,
            hooks.get("events_per_request"),
            mib(Fields.at(hooks, "slow_receiver", "peak_backlog_bytes")),
            mib(Fields.at(hooks, "slow_receiver", "backlog_max_bytes")),
            Fields.at(hooks, "slow_receiver", "dropped"),
            mib(Fields.at(hooks, "slow_receiver", "peak_rss_bytes"))),
        rate >= 5000 && Boolean.TRUE.equals(Fields.at(hooks, "slow_receiver", "backlog_bounded")));
  }

  private static Map<String, Object> limits(List<ResultLine> lines) {
    Double on = Fields.cpuPerMillion(Fields.where(lines, "fanout", "variant", "limits-on"));
    Double off = Fields.cpuPerMillion(Fields.where(lines, "fanout", "variant", "limits-off"));
    Double share = share(lines, "io.vask.gateway.limit");
    return verdict(
        "limits (issue 13): cost < 3% of fan-out throughput",
        on == null || off == null
            ? "not run"
            : String.format(
                "CPU per delivery with limits %+.1f%% of without (%s vs %s CPU-s per million);"
                    + " limit package on %s%% of the gateway's profile samples",
                100 * (on / off - 1), Fields.format(on), Fields.format(off), share),
        on != null && off != null && on / off - 1 < 0.03);
  }

  private static Map<String, Object> debugUnwatched(List<ResultLine> lines) {
    Double share = share(lines, "io.vask.gateway.console");
    return verdict(
        "debug stream (issue 15), nobody watching: < 1% of fan-out throughput",
        share == null
            ? "not run"
            : share + "% of the gateway's profile samples have the console package on the stack",
        share != null && share < 1);
  }

  private static Map<String, Object> debugWatched(List<ResultLine> lines) {
    ResultLine watchedLine = Fields.where(lines, "fanout", "variant", "console-watched");
    Double watched = Fields.cpuPerMillion(watchedLine);
    Double unwatched = Fields.cpuPerMillion(Fields.where(lines, "fanout", "variant", "limits-on"));
    Object dropped = watchedLine == null ? null : watchedLine.get("console_records_dropped");
    return verdict(
        "debug stream (issue 15), watched on a busy app: bounded, drops counted",
        watched == null || unwatched == null
            ? "not run"
            : String.format(
                "CPU per delivery %+.1f%% of unwatched; %s records shown, %s dropped (counted)",
                100 * (watched / unwatched - 1), watchedLine.get("console_records_seen"), dropped),
        watched != null
            && unwatched != null
            && watched / unwatched - 1 < 0.03
            && dropped instanceof Number);
  }

  private static Double share(List<ResultLine> lines, String pkg) {
    for (ResultLine line : lines) {
      if ("profile-share".equals(line.get("scenario"))) {
        return Fields.number(line, "package_share_pct", pkg);
      }
    }
    return null;
  }

  private static String mib(Object bytes) {
    return bytes instanceof Number b ? String.format("%.1f", b.doubleValue() / 1048576.0) : "—";
  }

  private static Map<String, Object> verdict(String target, String measured, boolean met) {
    Map<String, Object> v = new java.util.LinkedHashMap<>();
    v.put("target", target);
    v.put("measured", measured);
    v.put("met", met);
    return v;
  }
}
