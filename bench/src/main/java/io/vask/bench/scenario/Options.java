package io.vask.bench.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Scenario knobs from {@code --name value} arguments, with defaults. */
public final class Options {
  private final Map<String, String> values = new HashMap<>();

  public static Options parse(List<String> args) {
    Options options = new Options();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + arg);
      }
      String value =
          i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(++i) : "true";
      options.values.put(arg.substring(2), value);
    }
    return options;
  }

  public Options with(String name, Object value) {
    Options copy = new Options();
    copy.values.putAll(values);
    copy.values.put(name, String.valueOf(value));
    return copy;
  }

  public String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public int integer(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }

  public double decimal(String name, double fallback) {
    return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
  }

  /** {@code --source-ips 4} means 127.0.0.1..127.0.0.4; a comma list is taken as is. */
  public List<String> sourceIps() {
    String value = values.getOrDefault("source-ips", "1");
    List<String> ips = new ArrayList<>();
    if (value.contains(".")) {
      for (String ip : value.split(",")) {
        ips.add(ip.trim());
      }
      return ips;
    }
    int count = Math.max(1, Math.min(250, Integer.parseInt(value)));
    for (int i = 1; i <= count; i++) {
      ips.add("127.0.0." + i);
    }
    return ips;
  }

  /** Generator event loops: one per core the generator may use. */
  public int loops() {
    return integer("loops", Runtime.getRuntime().availableProcessors());
  }

  public long durationMillis() {
    return (long) (decimal("duration", 5) * 1000);
  }
}
