package io.vask.bench.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's execution samples: the methods on top of the stack (self time) and
 * the gateway's methods anywhere on it (inclusive), as percentages of all samples.
 */
final class HotMethods {
  private HotMethods() {}

  static String summarise(Path recording, int top) throws IOException {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    int samples = 0;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!"jdk.ExecutionSample".equals(event.getEventType().getName())
            || event.getStackTrace() == null
            || event.getStackTrace().getFrames().isEmpty()) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        self.merge(name(frames.get(0)), 1, Integer::sum);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RecordedFrame frame : frames) {
          String name = name(frame);
          if (name.startsWith("io.vask") && seen.add(name)) {
            inclusive.merge(name, 1, Integer::sum);
          }
        }
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("execution samples: ").append(samples).append("\n\nself (top of stack):\n");
    append(out, self, samples, top);
    out.append("\ninclusive (io.vask methods anywhere on the stack):\n");
    append(out, inclusive, samples, top);
    return out.toString();
  }

  /**
   * For each package, the percentage of execution samples with one of its methods anywhere on the
   * stack: what that package costs the process, calls it makes included.
   */
  static Map<String, Object> packageShares(Path recording, List<String> packages)
      throws IOException {
    int[] hits = new int[packages.size()];
    int samples = 0;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!"jdk.ExecutionSample".equals(event.getEventType().getName())
            || event.getStackTrace() == null) {
          continue;
        }
        samples++;
        for (int i = 0; i < packages.size(); i++) {
          String prefix = packages.get(i) + ".";
          for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            if (frame.getMethod().getType().getName().startsWith(prefix)) {
              hits[i]++;
              break;
            }
          }
        }
      }
    }
    Map<String, Object> shares = new java.util.LinkedHashMap<>();
    shares.put("samples", samples);
    for (int i = 0; i < packages.size(); i++) {
      shares.put(packages.get(i), Math.round(1000.0 * hits[i] / Math.max(1, samples)) / 10.0);
    }
    return shares;
  }

  private static void append(StringBuilder out, Map<String, Integer> counts, int samples, int top) {
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    for (Map.Entry<String, Integer> e : sorted.subList(0, Math.min(top, sorted.size()))) {
      out.append(
          String.format(
              "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
