package io.vask.gateway.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory cache runs its own purge: scheduled once by start, cancelled by close. */
class LocalChannelCacheTest {
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

  LocalChannelCacheTest() {
    timer.setRemoveOnCancelPolicy(true);
  }

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void startSchedulesOnePurgeAMinuteAndCloseCancelsIt() {
    LocalChannelCache cache = new LocalChannelCache(Clock.systemUTC());
    assertThat(timer.getQueue()).isEmpty();
    cache.start(timer);
    cache.start(timer);
    assertThat(timer.getQueue()).hasSize(1);
    ScheduledFuture<?> purge = (ScheduledFuture<?>) timer.getQueue().peek();
    assertThat(purge.getDelay(TimeUnit.SECONDS))
        .isBetween(1L, LocalChannelCache.PURGE_EVERY_SECONDS);
    cache.close();
    assertThat(timer.getQueue()).isEmpty();
  }

  @Test
  void purgeDropsOnlyExpiredEvents() {
    long[] now = {1_000_000};
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(now[0]);
          }
        };
    LocalChannelCache cache = new LocalChannelCache(clock);
    cache.put("1", "cache-short", "e", "{}", 1);
    cache.put("1", "cache-long", "e", "{}", 60);
    now[0] += 2000;
    cache.purgeExpired();
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.get("1", "cache-long").toCompletableFuture().join()).isPresent();
  }
}
