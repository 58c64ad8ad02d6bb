package io.vask.bench.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** One scenario result, printed as one JSON line; fields keep their insertion order. */
public final class ResultLine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Object> fields = new LinkedHashMap<>();

  public ResultLine(String scenario, Target target) {
    fields.put("scenario", scenario);
    fields.put("target", target.name());
  }

  private ResultLine() {}

  /** A line read back from results.json. */
  public static ResultLine of(Map<String, Object> fields) {
    ResultLine line = new ResultLine();
    line.fields.putAll(fields);
    return line;
  }

  public ResultLine put(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  public Object get(String name) {
    return fields.get(name);
  }

  /** Percentiles in milliseconds of a histogram recorded in microseconds. */
  public ResultLine latency(String name, Histogram micros) {
    Map<String, Object> latency = new LinkedHashMap<>();
    latency.put("count", micros.getTotalCount());
    latency.put("p50", ms(micros.getValueAtPercentile(50)));
    latency.put("p90", ms(micros.getValueAtPercentile(90)));
    latency.put("p99", ms(micros.getValueAtPercentile(99)));
    latency.put("p99_9", ms(micros.getValueAtPercentile(99.9)));
    latency.put("max", ms(micros.getMaxValue()));
    fields.put(name, latency);
    return this;
  }

  /** Deliveries: expected, received, lost (never negative), and the rate over {@code seconds}. */
  public ResultLine deliveries(long expected, long received, double seconds) {
    fields.put("deliveries_expected", expected);
    fields.put("deliveries_received", received);
    fields.put("loss", Math.max(0, expected - received));
    fields.put("deliveries_per_sec", seconds <= 0 ? 0 : Math.round(received / seconds));
    return this;
  }

  public ResultLine cpu(Cpu server, Cpu client) {
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("server_pct", server.percent());
    cpu.put("client_pct", client.percent());
    cpu.put("server_cpu_seconds", server.seconds());
    cpu.put("server_cpu_seconds_by_process", server.secondsByProcess());
    cpu.put("client_cpu_seconds", client.seconds());
    cpu.put("server_runqueue_wait_pct", server.runQueueWaitPercent());
    cpu.put("client_runqueue_wait_pct", client.runQueueWaitPercent());
    cpu.put("loadavg_1m", Cpu.loadAverage());
    fields.put("cpu", cpu);
    return this;
  }

  public Map<String, Object> fields() {
    return fields;
  }

  public String json() {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double ms(long micros) {
    return Math.round(micros / 10.0) / 100.0;
  }
}
