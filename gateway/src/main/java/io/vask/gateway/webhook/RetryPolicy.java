package io.vask.gateway.webhook;

import java.time.Duration;

/**
 * When to retry a failed webhook request (PROTOCOL.md §10.3): delays double from {@code first} up
 * to {@code max}, until {@code span} after the event was created; each request times out after
 * {@code timeout}.
 */
public record RetryPolicy(Duration first, Duration max, Duration span, Duration timeout) {
  public static final RetryPolicy PUSHER =
      new RetryPolicy(
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          Duration.ofMinutes(5),
          Duration.ofSeconds(10));

  /** The delay before retry number {@code attempt} (1-based). */
  public Duration delay(int attempt) {
    long millis = first.toMillis() << Math.min(30, attempt - 1);
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }
}
