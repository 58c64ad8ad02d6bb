package io.vask.gateway.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.WebhookEventType;
import io.vask.gateway.cluster.WebhookEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The in-memory outbox: idempotent by event id, bounded, and empty once every event is done. */
class LocalWebhookOutboxTest {
  private final List<WebhookEvent> handed = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();

  private CompletableFuture<Void> hold(WebhookEvent event) {
    handed.add(event);
    CompletableFuture<Void> done = new CompletableFuture<>();
    pending.add(done);
    return done;
  }

  private static WebhookEvent event(String id) {
    return new WebhookEvent(id, "1", 0, WebhookEventType.CACHE_MISS, "cache-" + id, Map.of());
  }

  @Test
  void anEventLeavesWhenItsDeliveryIsDone() {
    LocalWebhookOutbox outbox = new LocalWebhookOutbox(10);
    outbox.start(this::hold);

    outbox.enqueue(event("a"));
    assertThat(outbox.depth()).isEqualTo(1);
    pending.get(0).complete(null);

    assertThat(outbox.depth()).isZero();
  }

  @Test
  void theSameIdInFlightIsDeliveredOnce() {
    LocalWebhookOutbox outbox = new LocalWebhookOutbox(10);
    outbox.start(this::hold);

    outbox.enqueue(event("a"));
    outbox.enqueue(event("a"));

    assertThat(handed).hasSize(1);
    assertThat(outbox.depth()).isEqualTo(1);
  }

  @Test
  void pastCapacityNewEventsAreDroppedAndCounted() {
    LocalWebhookOutbox outbox = new LocalWebhookOutbox(2);
    outbox.start(this::hold);

    outbox.enqueue(event("a"));
    outbox.enqueue(event("b"));
    outbox.enqueue(event("c"));

    assertThat(handed).extracting(WebhookEvent::id).containsExactly("a", "b");
    assertThat(outbox.lost()).isEqualTo(1);
    pending.forEach(done -> done.complete(null));
    outbox.enqueue(event("c"));
    assertThat(handed).extracting(WebhookEvent::id).containsExactly("a", "b", "c");
  }

  @Test
  void eventsWaitForTheDelivererInOrder() {
    LocalWebhookOutbox outbox = new LocalWebhookOutbox(10);
    outbox.enqueue(event("a"));
    outbox.enqueue(event("b"));

    outbox.start(this::hold);

    assertThat(handed).extracting(WebhookEvent::id).containsExactly("a", "b");
  }

  @Test
  void aDelivererThatThrowsDoesNotKeepTheEvent() {
    LocalWebhookOutbox outbox = new LocalWebhookOutbox(10);
    outbox.start(
        event -> {
          throw new IllegalStateException("boom");
        });

    outbox.enqueue(event("a"));

    assertThat(outbox.depth()).isZero();
  }
}
