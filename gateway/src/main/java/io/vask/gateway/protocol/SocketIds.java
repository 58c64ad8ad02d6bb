package io.vask.gateway.protocol;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Makes socket ids of the form {@code node.counter} (PROTOCOL.md §1.4). The node part is random per
 * process and the counter starts at a random point, so ids stay unique across a cluster and across
 * restarts; both parts stay below 2^53 so JavaScript can parse them.
 */
public final class SocketIds {
  private static final Pattern VALID = Pattern.compile("\\d{1,18}\\.\\d{1,18}");
  private final long node;
  private final AtomicLong counter;

  public SocketIds() {
    this(ThreadLocalRandom.current().nextLong(1, 1_000_000_000L));
  }

  public SocketIds(long node) {
    this.node = node;
    this.counter = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1_000_000_000L));
  }

  public String next() {
    return node + "." + counter.incrementAndGet();
  }

  public static boolean isValid(String socketId) {
    return socketId != null && VALID.matcher(socketId).matches();
  }
}
