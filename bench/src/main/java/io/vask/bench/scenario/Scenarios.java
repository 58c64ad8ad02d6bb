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
    BY_NAME.put("delivery-cost", new DeliveryCostScenario());
    BY_NAME.put("connect-rate", new ConnectRateScenario());
    BY_NAME.put("reconnect-storm", new ReconnectStormScenario());
    BY_NAME.put("big-presence", new BigPresenceScenario());
    BY_NAME.put("webhooks", new WebhookScenario());
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
