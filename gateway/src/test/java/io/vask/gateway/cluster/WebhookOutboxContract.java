package io.vask.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.contract.WebhookEventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What every {@link WebhookOutbox} does: each event once, kept until its delivery is done. */
public abstract class WebhookOutboxContract extends ClusterNodeContract {

  @Test
  void theOutboxDeliversEachEventOnceEvenWhenEnqueuedTwice() {
    List<WebhookEvent> got = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    cluster
        .outbox()
        .start(
            e -> {
              if (e.appId().equals(app)) {
                got.add(e);
              }
              return done;
            });
    WebhookEvent event =
        new WebhookEvent(
            UUID.randomUUID().toString(), app, 42, WebhookEventType.CACHE_MISS, "c", Map.of());
    cluster.outbox().enqueue(event);
    cluster.outbox().enqueue(event);

    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(10))
        .until(() -> got.size() == 1);
    assertThat(got.get(0).fields()).containsEntry("name", "cache_miss");
    assertThat(cluster.outbox().depth()).isPositive();
    done.complete(null);
    await().atMost(Duration.ofSeconds(5)).until(() -> cluster.outbox().depth() == 0);
  }
}
