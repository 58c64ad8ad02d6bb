package io.vask.bench.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples processes every {@code periodMillis} while open: the peak CPU (percent of one core, all
 * processes together, over one period) and the peak RSS of any one of them.
 */
final class ProcessSampler implements AutoCloseable {
  private final List<Long> pids;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private long lastTicks;
  private long lastNanos;
  private volatile double peakCpuPercent;
  private volatile long peakRss;

  ProcessSampler(List<Long> pids, long periodMillis) {
    this.pids = pids;
    this.lastTicks = Cpu.ticks(pids);
    this.lastNanos = System.nanoTime();
    timer.scheduleAtFixedRate(this::sample, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    long ticks = Cpu.ticks(pids);
    long now = System.nanoTime();
    double percent = (ticks - lastTicks) * 0.01 / ((now - lastNanos) / 1e9) * 100;
    peakCpuPercent = Math.max(peakCpuPercent, Math.round(percent * 10) / 10.0);
    lastTicks = ticks;
    lastNanos = now;
    for (long pid : pids) {
      peakRss = Math.max(peakRss, rss(pid));
    }
  }

  double peakCpuPercent() {
    return peakCpuPercent;
  }

  long peakRss() {
    return peakRss;
  }

  static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not on Linux, or the process is gone
    }
    return -1;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
