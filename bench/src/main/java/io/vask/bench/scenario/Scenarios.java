package io.vask.bench.scenario;

import java.util.Map;
import java.util.TreeMap;

/** The scenarios by name. */
public final class Scenarios {
  private static final Map<String, Scenario> BY_NAME = new TreeMap<>();

  static {
    BY_NAME.put("fanout", new FanoutScenario());
    BY_NAME.put("channels", new ChannelsScenario());
    BY_NAME.put("client-events", new ClientEventsScenario());
    BY_NAME.put("presence-churn", new PresenceChurnScenario());
    BY_NAME.put("idle", new IdleScenario());
    BY_NAME.put("cluster-fanout", new ClusterFanoutScenario());
  }

  private Scenarios() {}

  public static Scenario named(String name) {
    Scenario scenario = BY_NAME.get(name);
    if (scenario == null) {
      throw new IllegalArgumentException(
          "unknown scenario " + name + "; one of " + BY_NAME.keySet());
    }
    return scenario;
  }
}
