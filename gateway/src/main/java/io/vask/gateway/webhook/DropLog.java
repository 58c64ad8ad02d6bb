package io.vask.gateway.webhook;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A warning about dropped webhook requests, at most one line every {@code everyMillis} with how
 * many were dropped since the last line: a dead receiver under load cannot flood the log. The exact
 * counts are in {@code vask_webhooks_dropped_total}.
 */
final class DropLog {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

  private final Clock clock;
  private final long everyMillis;
  private final String why;
  private long unreported;
  private long lastLogMillis = Long.MIN_VALUE;

  /** {@code why} completes "webhook requests dropped: …". */
  DropLog(Clock clock, long everyMillis, String why) {
    this.clock = clock;
    this.everyMillis = everyMillis;
    this.why = why;
  }

  /** Notes one dropped request; logs when the last line is old enough. */
  void dropped(String target, String detail) {
    long count;
    synchronized (this) {
      unreported++;
      long now = clock.millis();
      if (lastLogMillis != Long.MIN_VALUE && now - lastLogMillis < everyMillis) {
        return;
      }
      lastLogMillis = now;
      count = unreported;
      unreported = 0;
    }
    LOG.warn("{} webhook request(s) dropped: {} (latest to {}: {})", count, why, target, detail);
  }
}
