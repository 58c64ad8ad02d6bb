package io.vask.bench.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of processes from /proc/{pid}/stat (utime + stime, in clock ticks of 10 ms), and the
 * time their threads spent runnable but waiting for a CPU (/proc/{pid}/task/N/schedstat): on a
 * shared machine the second explains latency that the first cannot.
 */
final class Cpu {
  private static final double TICK_SECONDS = 0.01;
  private final List<Long> pids;
  private final long startTicks;
  private final long[] startTicksByProcess;
  private final long startWaitNanos;
  private final long startNanos;

  private Cpu(List<Long> pids) {
    this.pids = pids;
    this.startTicks = ticks(pids);
    this.startTicksByProcess = new long[pids.size()];
    for (int i = 0; i < pids.size(); i++) {
      startTicksByProcess[i] = ticks(List.of(pids.get(i)));
    }
    this.startWaitNanos = runQueueWaitNanos(pids);
    this.startNanos = System.nanoTime();
  }

  static Cpu start(List<Long> pids) {
    return new Cpu(pids);
  }

  /** Percent of one core used since start (100 = one core busy). */
  double percent() {
    double wall = (System.nanoTime() - startNanos) / 1e9;
    return wall <= 0
        ? 0
        : Math.round((ticks(pids) - startTicks) * TICK_SECONDS / wall * 1000) / 10.0;
  }

  /** CPU seconds used since start, all processes together. */
  double seconds() {
    return Math.round((ticks(pids) - startTicks) * TICK_SECONDS * 100) / 100.0;
  }

  /** CPU seconds used since start by each process, in the order of the pids. */
  List<Double> secondsByProcess() {
    List<Double> seconds = new java.util.ArrayList<>();
    for (int i = 0; i < pids.size(); i++) {
      long used = ticks(List.of(pids.get(i))) - startTicksByProcess[i];
      seconds.add(Math.round(used * TICK_SECONDS * 100) / 100.0);
    }
    return seconds;
  }

  /**
   * Time the processes' threads waited for a CPU while runnable, as percent of the wall time (100 =
   * one thread always waiting).
   */
  double runQueueWaitPercent() {
    double wall = System.nanoTime() - startNanos;
    long waited = runQueueWaitNanos(pids) - startWaitNanos;
    return wall <= 0 ? 0 : Math.round(waited / wall * 1000) / 10.0;
  }

  private static long runQueueWaitNanos(List<Long> pids) {
    long sum = 0;
    for (long pid : pids) {
      try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
        for (Path task : (Iterable<Path>) tasks::iterator) {
          try {
            String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
            sum += Long.parseLong(fields[1]);
          } catch (IOException | RuntimeException e) {
            // the thread ended between listing and reading
          }
        }
      } catch (IOException | RuntimeException e) {
        // the process is gone or schedstat is unavailable
      }
    }
    return sum;
  }

  /** The 1-minute load average, or -1. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static long ticks(List<Long> pids) {
    long sum = 0;
    for (long pid : pids) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (IOException | RuntimeException e) {
        // the process is gone or /proc is unavailable: its CPU counts as zero
      }
    }
    return sum;
  }
}
