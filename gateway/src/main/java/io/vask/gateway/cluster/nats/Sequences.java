package io.vask.gateway.cluster.nats;

import java.util.Arrays;

/**
 * Stream sequences of one app's events not yet accounted for, as a compact growing array (8 bytes
 * each); stored mostly in order, sorted when resolved.
 */
final class Sequences {
  /** How many sequences {@link #resolve} let go, and how many of them were lost. */
  record Resolved(int removed, int lost) {}

  private long[] values = new long[64];
  private int start;
  private int end;
  private boolean sorted = true;

  void add(long sequence) {
    if (end == values.length) {
      compact();
    }
    if (end > start && values[end - 1] > sequence) {
      sorted = false;
    }
    values[end++] = sequence;
  }

  /**
   * Lets go of every sequence at or below {@code delivered} (handed out) or below {@code first}
   * (gone from the stream); those gone while above {@code delivered} were never handed out: lost.
   */
  Resolved resolve(long delivered, long first) {
    if (!sorted) {
      Arrays.sort(values, start, end);
      sorted = true;
    }
    int removed = 0;
    int lost = 0;
    while (start < end && (values[start] <= delivered || values[start] < first)) {
      if (values[start] > delivered) {
        lost++;
      }
      start++;
      removed++;
    }
    return new Resolved(removed, lost);
  }

  boolean isEmpty() {
    return start == end;
  }

  private void compact() {
    int size = end - start;
    long[] target = size * 2 > values.length ? new long[values.length * 2] : values;
    System.arraycopy(values, start, target, 0, size);
    values = target;
    start = 0;
    end = size;
  }
}
