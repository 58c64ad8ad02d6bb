package io.vask.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.contract.AppSettings;
import io.vask.gateway.app.StaticAppRegistry;
import io.vask.gateway.cluster.BusListener;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.ControlMessage;
import io.vask.gateway.cluster.local.LocalClusterBus;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DebugHubTest {
  private final AppSettings app = AppSettings.builder("app-1", "key-1", "secret-1").build();
  private final LocalClusterBus bus = new LocalClusterBus();
  private final List<ChannelEvent> published = new CopyOnWriteArrayList<>();
  private final AtomicLong dropped = new AtomicLong();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now;
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };
  private final DebugHub hub =
      new DebugHub(bus, new StaticAppRegistry(List.of(app)), clock, "pod-a", 3, dropped::addAndGet);

  DebugHubTest() {
    bus.start(
        new BusListener() {
          @Override
          public void deliver(ChannelEvent event) {
            published.add(event);
            if (DebugHub.CHANNEL.equals(event.channel())) {
              hub.deliver(event);
            }
          }

          @Override
          public void control(ControlMessage message) {
            hub.onControl(message);
          }
        });
  }

  @Test
  void publishesNothingWhileNobodyWatches() {
    hub.connectionOpened("app-1", "1.1", "127.0.0.1");
    hub.subscribed("app-1", "chat", "1.1", null);
    assertThat(published).isEmpty();
  }

  @Test
  void aWatcherSeesItsAppsRecordsWithTimeAndPod() {
    List<String> seen = new CopyOnWriteArrayList<>();
    hub.watch("app-1", seen::add);
    hub.connectionOpened("app-1", "1.1", "10.0.0.7");
    hub.connectionOpened("other-app", "2.2", "10.0.0.8");
    hub.apiMessage(
        "app-1",
        List.of(ChannelName.parse("news").orElseThrow()),
        "ev",
        "x".repeat(3000),
        "1.1",
        5);

    assertThat(seen).hasSize(2);
    JsonNode opened = Json.parse(seen.get(0)).orElseThrow();
    assertThat(opened.path("type").asText()).isEqualTo("connection_opened");
    assertThat(opened.path("node").asText()).isEqualTo("pod-a");
    assertThat(opened.path("ts").asLong()).isEqualTo(now.toEpochMilli());
    assertThat(opened.path("origin").asText()).isEqualTo("10.0.0.7");
    JsonNode message = Json.parse(seen.get(1)).orElseThrow();
    assertThat(message.path("data_size").asInt()).isEqualTo(3000);
    assertThat(message.path("data_preview").asText()).hasSize(DebugRecords.PREVIEW_CHARS);
    assertThat(message.path("channels").get(0).asText()).isEqualTo("news");
    assertThat(message.path("vask_ts").asLong()).isEqualTo(5);
  }

  @Test
  void anotherNodesAnnouncementMakesThisNodePublishUntilItExpires() {
    hub.onControl(new ControlMessage.DebugWatch("app-1"));
    hub.channelOccupied("app-1", "chat");
    assertThat(published).extracting(ChannelEvent::channel).containsExactly(DebugHub.CHANNEL);

    now = now.plusMillis(DebugHub.LEASE_MILLIS + 1);
    hub.tick();
    hub.channelOccupied("app-1", "chat");
    assertThat(published).hasSize(1);
  }

  @Test
  void unwatchingStopsDeliveryToThatWatcher() {
    List<String> seen = new CopyOnWriteArrayList<>();
    Watcher watcher = hub.watch("app-1", seen::add);
    hub.unwatch(watcher);
    hub.channelVacated("app-1", "chat");
    assertThat(seen).isEmpty();
  }

  @Test
  void aWatcherGetsAtMostItsRatePerSecondAndHearsOfTheRest() {
    List<String> seen = new CopyOnWriteArrayList<>();
    hub.watch("app-1", seen::add);
    for (int i = 0; i < 5; i++) {
      hub.clientEvent("app-1", "private-chat", "client-" + i, "1.1", null);
    }
    assertThat(seen).hasSize(3);
    assertThat(dropped).hasValue(2);

    now = now.plusMillis(1000);
    hub.tick();
    assertThat(seen).hasSize(4);
    JsonNode notice = Json.parse(seen.get(3)).orElseThrow();
    assertThat(notice.path("type").asText()).isEqualTo("dropped");
    assertThat(notice.path("count").asInt()).isEqualTo(2);
  }
}
