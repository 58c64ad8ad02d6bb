package io.vask.bench.suite;

import io.vask.bench.scenario.ResultLine;
import java.util.List;
import java.util.Map;

/** The fabric-scale tables of summary.md (issue 17, and the variants of issues 13 and 15). */
final class FabricSummary {
  private FabricSummary() {}

  static void append(StringBuilder md, List<ResultLine> lines) {
    table(
        md,
        "cost per delivery",
        "| setup | pods | subscribers/pod | events/s | deliveries | gateway CPU-s/M | NATS CPU-s/M"
            + " | total CPU-s/M | p50 ms publisher pod | p50 ms other pods | loss |",
        lines,
        "delivery-cost",
        l ->
            row(
                l.get("target"),
                l.get("nodes"),
                l.get("subscribers_per_node"),
                l.get("rate"),
                Fields.at(l, "cost", "deliveries"),
                Fields.at(l, "cost", "gateway_cpu_s_per_million"),
                Fields.at(l, "cost", "nats_cpu_s_per_million"),
                Fields.at(l, "cost", "total_cpu_s_per_million"),
                Fields.at(l, "cost", "p50_ms_publisher_node"),
                Fields.at(l, "cost", "p50_ms_other_nodes"),
                l.get("loss")));
    table(
        md,
        "NATS per message",
        "| pods | subscribers/pod | events/s offered | events/s sent | NATS messages/s | NATS CPU-s"
            + " | NATS CPU-s per million messages | loss |",
        lines,
        "nats-load",
        l ->
            row(
                l.get("nodes"),
                l.get("subscribers_per_node"),
                l.get("rate"),
                l.get("events_per_sec"),
                natsMessagesPerSecond(l),
                UnitCosts.natsCpuSeconds(l),
                UnitCosts.natsPerMillionMessages(l),
                l.get("loss")));
    table(
        md,
        "connect rate",
        "| server | subscribe | connections | completed | per second | per CPU-second |",
        lines,
        "connect-rate",
        l ->
            row(
                l.get("target"),
                l.get("subscribe"),
                l.get("connections"),
                l.get("completed"),
                l.get("per_sec"),
                l.get("per_core_sec")));
    table(
        md,
        "reconnect storm",
        "| clients | drain window ms | back | all back ms | attempts | failed | closes by code |"
            + " receivers peak CPU % | receivers peak RSS MiB |",
        lines,
        "reconnect-storm",
        l ->
            row(
                l.get("subscribed"),
                l.get("drain_window_ms"),
                l.get("resubscribed"),
                l.get("all_back_ms"),
                l.get("attempts"),
                l.get("failed_attempts"),
                l.get("closes_by_code"),
                l.get("receivers_peak_cpu_pct"),
                mib(l.get("receivers_peak_rss_bytes"))));
    table(
        md,
        "big presence channel",
        "| members | fill s | joins/s | member-event deliveries/s | added p99 ms | removed p99 ms"
            + " | new member p50 / p99 ms | GET users p50 / p99 ms | heap B/member | server CPU %"
            + " | loss |",
        lines,
        "big-presence",
        l ->
            row(
                l.get("joined"),
                l.get("fill_seconds"),
                l.get("joins_per_sec"),
                l.get("member_event_deliveries_per_sec"),
                Fields.at(l, "member_added_ms", "p99"),
                Fields.at(l, "member_removed_ms", "p99"),
                Fields.at(l, "new_member_subscribed_ms", "p50")
                    + " / "
                    + Fields.at(l, "new_member_subscribed_ms", "p99"),
                Fields.at(l, "users_api_ms", "p50") + " / " + Fields.at(l, "users_api_ms", "p99"),
                l.get("heap_bytes_per_member"),
                Fields.at(l, "cpu", "server_pct"),
                l.get("loss")));
    overload(md, lines);
    table(
        md,
        "webhooks",
        "| client events/s | webhook events/s | events/request | slow receiver: peak backlog MiB |"
            + " backlog bound MiB | peak queued | dropped | peak RSS MiB |",
        lines,
        "webhooks",
        l ->
            row(
                l.get("rate"),
                l.get("webhook_events_per_sec"),
                l.get("events_per_request"),
                mib(Fields.at(l, "slow_receiver", "peak_backlog_bytes")),
                mib(Fields.at(l, "slow_receiver", "backlog_max_bytes")),
                Fields.at(l, "slow_receiver", "peak_queue_depth"),
                Fields.at(l, "slow_receiver", "dropped"),
                mib(Fields.at(l, "slow_receiver", "peak_rss_bytes"))));
    variants(md, lines);
  }

  private static void overload(StringBuilder md, List<ResultLine> lines) {
    Double peak =
        Fields.number(Fields.where(lines, "fanout", "overload_factor", 1.0), "deliveries_per_sec");
    table(
        md,
        "overload",
        "| offered | events/s offered | events/s sent | deliveries/s | of 1x | loss | generator CPU %"
            + " | generator backlog (events) | API answer p50 / p99 ms | delivery p99 ms |",
        lines,
        "fanout",
        l ->
            l.get("overload_factor") == null
                ? null
                : row(
                    l.get("overload_factor") + "x",
                    l.get("rate"),
                    l.get("events_per_sec"),
                    l.get("deliveries_per_sec"),
                    peak == null || !(l.get("deliveries_per_sec") instanceof Number d)
                        ? "—"
                        : String.format("%.2f", d.doubleValue() / peak),
                    l.get("loss"),
                    Fields.at(l, "cpu", "client_pct"),
                    l.get("generator_max_behind_events"),
                    Fields.at(l, "api_answer_ms", "p50")
                        + " / "
                        + Fields.at(l, "api_answer_ms", "p99"),
                    Fields.at(l, "latency_ms", "p99")));
  }

  private static void variants(StringBuilder md, List<ResultLine> lines) {
    Double base = Fields.cpuPerMillion(Fields.where(lines, "fanout", "variant", "limits-on"));
    table(
        md,
        "fan-out variants (issues 13 and 15)",
        "| variant | subscribers | events/s | deliveries/s | server CPU-s | CPU-s/M deliveries |"
            + " vs limits-on | console records shown / dropped |",
        lines,
        "fanout",
        l -> {
          if (l.get("variant") == null) {
            return null;
          }
          Double cost = Fields.cpuPerMillion(l);
          return row(
              l.get("variant"),
              l.get("subscribers"),
              l.get("rate"),
              l.get("deliveries_per_sec"),
              Fields.at(l, "cpu", "server_cpu_seconds"),
              Fields.format(cost),
              cost == null || base == null ? "—" : String.format("%.3f", cost / base),
              l.get("console_watched") == null
                  ? ""
                  : l.get("console_records_seen") + " / " + l.get("console_records_dropped"));
        });
  }

  private static void table(
      StringBuilder md,
      String title,
      String header,
      List<ResultLine> lines,
      String scenario,
      java.util.function.Function<ResultLine, String> row) {
    StringBuilder rows = new StringBuilder();
    for (ResultLine line : lines) {
      if (scenario.equals(line.get("scenario")) && line.get("error") == null) {
        String r = row.apply(line);
        if (r != null) {
          rows.append(r);
        }
      }
    }
    if (rows.length() == 0) {
      return;
    }
    int columns = header.split("\\|", -1).length - 2;
    md.append("\n**").append(title).append("**\n\n").append(header).append('\n');
    md.append("|---".repeat(columns)).append("|\n").append(rows);
  }

  /** Events sent per second × (pods + 1): each enters NATS once and leaves once per pod. */
  private static Object natsMessagesPerSecond(ResultLine l) {
    return l.get("events_per_sec") instanceof Number e && l.get("nodes") instanceof Number n
        ? Math.round(e.doubleValue() * (n.intValue() + 1))
        : null;
  }

  private static String row(Object... cells) {
    StringBuilder r = new StringBuilder("|");
    for (Object cell : cells) {
      String text = cell instanceof Map<?, ?> m ? m.toString().replace(", ", " ") : "" + cell;
      r.append(' ').append(cell == null ? "—" : text.replace("|", "/")).append(" |");
    }
    return r.append('\n').toString();
  }

  private static String mib(Object bytes) {
    return bytes instanceof Number b ? String.format("%.1f", b.doubleValue() / 1048576.0) : "—";
  }
}
