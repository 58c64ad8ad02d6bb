package io.vask.bench.client;

import io.netty.buffer.ByteBuf;

/**
 * The probe the generator embeds in event data: {@code @@<sendNanos>.<sequence>}. Found and read in
 * place in a received frame, byte by byte, without decoding JSON or allocating.
 */
public final class Marker {
  private Marker() {}

  public static String of(long sendNanos, long sequence) {
    return "@@" + sendNanos + "." + sequence;
  }

  /** A probe that also names its source (e.g. the publisher connection), for order checks. */
  public static String of(long sendNanos, long sequence, int source) {
    return "@@" + sendNanos + "." + sequence + "." + source;
  }

  /** Index just after {@code @@} within {@code [from, to)}, or -1. */
  public static int find(ByteBuf buf, int from, int to) {
    int i = from;
    while (i < to - 1) {
      int at = buf.indexOf(i, to - 1, (byte) '@'); // vectorised search, no per-byte bounds checks
      if (at < 0) {
        return -1;
      }
      if (buf.getByte(at + 1) == '@') {
        return at + 2;
      }
      i = at + 1;
    }
    return -1;
  }

  /** The send time at {@code at} (as returned by {@link #find}). */
  public static long sendNanos(ByteBuf buf, int at, int to) {
    return digits(buf, at, to);
  }

  /** The sequence number after the send time. */
  public static long sequence(ByteBuf buf, int at, int to) {
    int i = at;
    while (i < to && buf.getByte(i) != '.') {
      i++;
    }
    return digits(buf, i + 1, to);
  }

  /** The source after the sequence, 0 when the probe names none. */
  public static int source(ByteBuf buf, int at, int to) {
    int dots = 0;
    for (int i = at; i < to; i++) {
      byte b = buf.getByte(i);
      if (b == '.' && ++dots == 2) {
        return (int) digits(buf, i + 1, to);
      }
      if (b != '.' && (b < '0' || b > '9')) {
        return 0;
      }
    }
    return 0;
  }

  private static long digits(ByteBuf buf, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      int d = buf.getByte(i) - '0';
      if (d < 0 || d > 9) {
        break;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** True when the ASCII {@code needle} occurs in {@code [from, to)}. */
  public static boolean contains(ByteBuf buf, int from, int to, byte[] needle) {
    outer:
    for (int i = from, last = to - needle.length; i <= last; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (buf.getByte(i + j) != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
