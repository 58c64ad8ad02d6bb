package io.vask.gateway.webhook;

import static io.vask.gateway.webhook.WebhookApps.app;
import static io.vask.gateway.webhook.WebhookApps.hook;
import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.AppSettings;
import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.cluster.WebhookOutbox;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link WebhookDispatcher}: the event fields of PROTOCOL.md §10.2 and the per-webhook filters. The
 * de-bounce of §10.3 belongs to the LeaveGrace policy (LeaveGraceContract).
 */
class WebhookDispatcherTest {
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
  private final AppSettings app = app(false, hook("http://127.0.0.1/hook", null, ALL));

  private WebhookDispatcher dispatcher() {
    return new WebhookDispatcher(outbox, Clock.systemUTC());
  }

  @Test
  void leavesAreSentAtOnceBecauseTheStoreAlreadyHeldThemForTheGrace() {
    WebhookDispatcher webhooks = dispatcher();

    webhooks.channelVacated(app, "room");
    webhooks.memberRemoved(app, "presence-room", "7");

    assertThat(outbox.names())
        .containsExactly("channel_vacated room", "member_removed presence-room");
    assertThat(outbox.events.get(1).fields())
        .containsExactly(
            Map.entry("name", "member_removed"),
            Map.entry("channel", "presence-room"),
            Map.entry("user_id", "7"));
  }

  @Test
  void eventsNoWebhookWantsAreNotQueued() {
    AppSettings presenceOnly =
        app(
            false,
            hook("http://127.0.0.1/hook", "presence-", "channel_occupied", "channel_vacated"));
    WebhookDispatcher webhooks = dispatcher();

    webhooks.channelOccupied(presenceOnly, "private-room");
    webhooks.channelVacated(presenceOnly, "private-room");
    webhooks.memberAdded(presenceOnly, "presence-room", "7");
    webhooks.cacheMiss(presenceOnly, "presence-cache-room");
    webhooks.channelOccupied(presenceOnly, "presence-room");

    assertThat(outbox.names()).containsExactly("channel_occupied presence-room");
  }

  @Test
  void anyOfSeveralWebhooksWantingAnEventQueuesItOnce() {
    AppSettings twoHooks =
        app(
            false,
            hook("http://127.0.0.1/a", "presence-", "member_added"),
            hook("http://127.0.0.1/b", null, "cache_miss", "member_added"));
    WebhookDispatcher webhooks = dispatcher();

    webhooks.memberAdded(twoHooks, "presence-room", "7");
    webhooks.cacheMiss(twoHooks, "cache-room");

    assertThat(outbox.names())
        .containsExactly("member_added presence-room", "cache_miss cache-room");
  }

  @Test
  void clientEventOnPresenceCarriesTheSendersUserId() {
    dispatcher().clientEvent(app, "presence-room", "client-typing", "{\"x\":1}", "123.456", "7");

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
    dispatcher().clientEvent(app, "private-room", "client-yolo", "\"woot\"", "1.2", null);

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
    WebhookDispatcher webhooks = dispatcher();

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
    WebhookDispatcher webhooks = dispatcher();

    webhooks.cacheMiss(app, "cache-room");
    webhooks.cacheMiss(app, "cache-room");

    assertThat(outbox.events).extracting(WebhookEvent::appId).containsOnly(WebhookApps.ID);
    assertThat(outbox.events.get(0).id()).isNotEqualTo(outbox.events.get(1).id());
  }

  /** Keeps what the dispatcher enqueues. */
  static final class RecordingOutbox implements WebhookOutbox {
    final List<WebhookEvent> events = new CopyOnWriteArrayList<>();

    List<String> names() {
      return events.stream().map(e -> e.type().wireName() + " " + e.channel()).toList();
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
    public long lost() {
      return 0;
    }

    @Override
    public void close() {}
  }
}
