package io.vask.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@link ChannelCache} does: the last event per channel, for its TTL. */
public abstract class ChannelCacheContract extends ClusterNodeContract {

  @Test
  void theCacheKeepsTheLastEventForItsTtl() {
    cluster.cache().put(app, "cache-room", "e1", "one", 60);
    cluster.cache().put(app, "cache-room", "e2", "two", 60);
    cluster.cache().put(app, "cache-short", "e", "x", 1);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                join(cluster.cache().get(app, "cache-room"))
                    .map(CachedEvent::data)
                    .orElse("")
                    .equals("two"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> join(cluster.cache().get(app, "cache-short")).isEmpty());
    assertThat(join(cluster.cache().get(app, "cache-never"))).isEmpty();
  }
}
