package io.vask.operator.web;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} requests per key (a user, or a client address) in each clock minute.
 */
public final class RateLimiter {
  private record Window(long minute, int count) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int perMinute;

  public RateLimiter(Clock clock, int perMinute) {
    this.clock = clock;
    this.perMinute = perMinute;
  }

  /** Counts one request for each key; refuses with 429 when any key is over its limit. */
  public void acquire(String... keys) {
    long minute = clock.millis() / 60_000;
    windows.values().removeIf(window -> window.minute() < minute);
    boolean over = false;
    for (String key : keys) {
      Window window =
          windows.merge(
              key,
              new Window(minute, 1),
              (old, one) -> old.minute() == minute ? new Window(minute, old.count() + 1) : one);
      over |= window.count() > perMinute;
    }
    if (over) {
      throw new RegistrationRefused(429, "too many registration requests: try again in a minute");
    }
  }
}
