package io.vask.gateway.webhook;

import static io.vask.gateway.webhook.WebhookApps.app;
import static io.vask.gateway.webhook.WebhookApps.hook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.contract.AppSettings;
import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.cluster.WebhookOutbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WebhookDispatcher}: the event fields of PROTOCOL.md §10.2, the per-webhook filters and the
 * de-bounce of §10.3. An hour-long window stands for "within the window" so those tests never race
 * the clock; an empty timer queue proves nothing is left to fire later.
 */
class WebhookDispatcherTest {
  private static final long WITHIN = Duration.ofHours(1).toMillis();
  private static final String[] ALL = {
    "channel_occupied",
    "channel_vacated",
    "member_added",
    "member_removed",
    "client_event",
    "cache_miss",
    "subscription_count"
  };

  private final RecordingOutbox outbox = new RecordingOutbox();
  private final RecordingScheduler timer = new RecordingScheduler();
  private final AppSettings app = app(false, hook("http://127.0.0.1/hook", null, ALL));

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private WebhookDispatcher dispatcher(long debounceMillis) {
    return new WebhookDispatcher(outbox, timer, Clock.systemUTC(), debounceMillis);
  }

  @Test
  void vacatedThenOccupiedWithinTheWindowSendsNeither() {
    WebhookDispatcher webhooks = dispatcher(WITHIN);

    webhooks.channelOccupied(app, "room");
    webhooks.channelVacated(app, "room");
    webhooks.channelOccupied(app, "room");

    assertThat(outbox.names()).containsExactly("channel_occupied room");
    assertThat(timer.getQueue()).isEmpty();
  }

  @Test
  void vacatedAloneIsSentAfterTheWindowWithTheTimeItHappened() {
    WebhookDispatcher webhooks = dispatcher(50);
    long before = System.currentTimeMillis();

    webhooks.channelVacated(app, "room");
    long after = System.currentTimeMillis();

    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.events.size() == 1);
    assertThat(outbox.names()).containsExactly("channel_vacated room");
    assertThat(outbox.events.get(0).timeMs()).isBetween(before, after);
    assertThat(timer.delays()).containsExactly(50L);
  }

  @Test
  void memberRemovedThenAddedWithinTheWindowSendsNeither() {
    WebhookDispatcher webhooks = dispatcher(WITHIN);

    webhooks.memberAdded(app, "presence-room", "7");
    webhooks.memberRemoved(app, "presence-room", "7");
    webhooks.memberAdded(app, "presence-room", "7");

    assertThat(outbox.names()).containsExactly("member_added presence-room");
    assertThat(timer.getQueue()).isEmpty();
  }

  @Test
  void memberRemovedAloneIsSentAfterTheWindow() {
    WebhookDispatcher webhooks = dispatcher(50);

    webhooks.memberRemoved(app, "presence-room", "7");

    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.events.size() == 1);
    assertThat(outbox.events.get(0).fields())
        .containsExactly(
            Map.entry("name", "member_removed"),
            Map.entry("channel", "presence-room"),
            Map.entry("user_id", "7"));
  }

  @Test
  void theDebounceIsPerChannelAndPerUser() {
    WebhookDispatcher webhooks = dispatcher(WITHIN);

    webhooks.channelVacated(app, "room-a");
    webhooks.channelOccupied(app, "room-b");
    webhooks.memberRemoved(app, "presence-room", "7");
    webhooks.memberAdded(app, "presence-room", "8");
    webhooks.memberAdded(app, "presence-other", "7");

    assertThat(outbox.names())
        .containsExactly(
            "channel_occupied room-b", "member_added presence-room", "member_added presence-other");
    assertThat(timer.getQueue()).hasSize(2);
  }

  @Test
  void aQuickReconnectIsSwallowedEvenWhenOnlyTheJoinIsWanted() {
    AppSettings joinsOnly =
        app(false, hook("http://127.0.0.1/hook", null, "channel_occupied", "member_added"));
    WebhookDispatcher webhooks = dispatcher(WITHIN);

    webhooks.channelOccupied(joinsOnly, "presence-room");
    webhooks.memberAdded(joinsOnly, "presence-room", "7");
    webhooks.memberRemoved(joinsOnly, "presence-room", "7");
    webhooks.channelVacated(joinsOnly, "presence-room");
    webhooks.channelOccupied(joinsOnly, "presence-room");
    webhooks.memberAdded(joinsOnly, "presence-room", "7");

    assertThat(outbox.names())
        .containsExactly("channel_occupied presence-room", "member_added presence-room");
    assertThat(timer.getQueue()).isEmpty();
  }

  @Test
  void aLeaveOnlyTheJoinSideWantsIsNotSentAfterTheWindow() {
    AppSettings joinsOnly = app(false, hook("http://127.0.0.1/hook", null, "channel_occupied"));
    WebhookDispatcher webhooks = dispatcher(20);

    webhooks.channelVacated(joinsOnly, "room");
    await().atMost(Duration.ofSeconds(10)).until(() -> timer.getCompletedTaskCount() == 1);
    webhooks.cacheMiss(app, "cache-room");

    assertThat(outbox.names()).containsExactly("cache_miss cache-room");
  }

  @Test
  void flushingSendsHeldLeavesAtOnceAndHoldsNoMore() {
    WebhookDispatcher webhooks = dispatcher(WITHIN);
    webhooks.channelVacated(app, "room");
    webhooks.memberRemoved(app, "presence-room", "7");

    webhooks.flushPendingLeaves();
    webhooks.channelVacated(app, "later-room");

    assertThat(outbox.names())
        .containsExactlyInAnyOrder(
            "channel_vacated room", "member_removed presence-room", "channel_vacated later-room");
    assertThat(timer.getQueue()).isEmpty();
  }

  @Test
  void eventsNoWebhookWantsAreNotQueuedOrScheduled() {
    AppSettings presenceOnly =
        app(
            false,
            hook("http://127.0.0.1/hook", "presence-", "channel_occupied", "channel_vacated"));
    WebhookDispatcher webhooks = dispatcher(WITHIN);

    webhooks.channelOccupied(presenceOnly, "private-room");
    webhooks.channelVacated(presenceOnly, "private-room");
    webhooks.memberAdded(presenceOnly, "presence-room", "7");
    webhooks.cacheMiss(presenceOnly, "presence-cache-room");
    webhooks.channelOccupied(presenceOnly, "presence-room");

    assertThat(outbox.names()).containsExactly("channel_occupied presence-room");
    assertThat(timer.getQueue()).isEmpty();
  }

  @Test
  void anyOfSeveralWebhooksWantingAnEventQueuesItOnce() {
    AppSettings twoHooks =
        app(
            false,
            hook("http://127.0.0.1/a", "presence-", "member_added"),
            hook("http://127.0.0.1/b", null, "cache_miss", "member_added"));
    WebhookDispatcher webhooks = dispatcher(WITHIN);

    webhooks.memberAdded(twoHooks, "presence-room", "7");
    webhooks.cacheMiss(twoHooks, "cache-room");

    assertThat(outbox.names())
        .containsExactly("member_added presence-room", "cache_miss cache-room");
  }

  @Test
  void clientEventOnPresenceCarriesTheSendersUserId() {
    dispatcher(WITHIN)
        .clientEvent(app, "presence-room", "client-typing", "{\"x\":1}", "123.456", "7");

    assertThat(outbox.events.get(0).fields())
        .containsExactly(
            Map.entry("name", "client_event"),
            Map.entry("channel", "presence-room"),
            Map.entry("event", "client-typing"),
            Map.entry("data", "{\"x\":1}"),
            Map.entry("socket_id", "123.456"),
            Map.entry("user_id", "7"));
  }

  @Test
  void clientEventOnPrivateHasNoUserId() {
    dispatcher(WITHIN).clientEvent(app, "private-room", "client-yolo", "\"woot\"", "1.2", null);

    assertThat(outbox.events.get(0).fields())
        .containsExactly(
            Map.entry("name", "client_event"),
            Map.entry("channel", "private-room"),
            Map.entry("event", "client-yolo"),
            Map.entry("data", "\"woot\""),
            Map.entry("socket_id", "1.2"));
  }

  @Test
  void subscriptionCountIsANumberAndCacheMissNamesTheChannel() {
    WebhookDispatcher webhooks = dispatcher(WITHIN);

    webhooks.subscriptionCount(app, "my-channel", 3);
    webhooks.cacheMiss(app, "cache-room");

    assertThat(outbox.events.get(0).fields())
        .containsExactly(
            Map.entry("name", "subscription_count"),
            Map.entry("channel", "my-channel"),
            Map.entry("subscription_count", 3L));
    assertThat(outbox.events.get(1).fields())
        .containsExactly(Map.entry("name", "cache_miss"), Map.entry("channel", "cache-room"));
  }

  @Test
  void everyEventHasItsOwnIdAndTheAppsId() {
    WebhookDispatcher webhooks = dispatcher(WITHIN);

    webhooks.cacheMiss(app, "cache-room");
    webhooks.cacheMiss(app, "cache-room");

    assertThat(outbox.events).extracting(WebhookEvent::appId).containsOnly(WebhookApps.ID);
    assertThat(outbox.events.get(0).id()).isNotEqualTo(outbox.events.get(1).id());
  }

  /** Keeps what the dispatcher enqueues. */
  static final class RecordingOutbox implements WebhookOutbox {
    final List<WebhookEvent> events = new CopyOnWriteArrayList<>();

    List<String> names() {
      return events.stream().map(e -> e.name() + " " + e.channel()).toList();
    }

    @Override
    public void enqueue(WebhookEvent event) {
      events.add(event);
    }

    @Override
    public void start(Deliverer deliverer) {}

    @Override
    public long depth() {
      return 0;
    }

    @Override
    public void close() {}
  }
}
