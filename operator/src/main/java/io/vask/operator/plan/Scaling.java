package io.vask.operator.plan;

/** How many gateway pods run: a fixed count, or an HPA between bounds. */
public sealed interface Scaling {
  /** The largest number of pods this plan can run with. */
  int ceiling();

  record Fixed(int replicas) implements Scaling {
    @Override
    public int ceiling() {
      return replicas;
    }
  }

  /** Either target may be null, but not both. */
  record Autoscaled(
      int minReplicas, int maxReplicas, Integer targetCpuUtilization, Integer connectionsPerPod)
      implements Scaling {
    @Override
    public int ceiling() {
      return maxReplicas;
    }
  }
}
