package io.vask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionState;
import com.pusher.rest.data.Event;
import io.vask.contract.AppSettings;
import io.vask.e2e.support.ApiCalls;
import io.vask.e2e.support.E2eGateway;
import io.vask.e2e.support.MemoryProbe;
import io.vask.e2e.support.SdkClient;
import io.vask.e2e.support.TestApps;
import io.vask.gateway.testing.RawSocket;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A subscriber that stops reading (PROTOCOL.md §1.7 4100, ARCHITECTURE slow consumers): the gateway
 * drops its connection once its pending bytes pass the cap and counts it as a 4100 close, its
 * memory does not grow with what is published, and a reading pusher-java-client on the same channel
 * gets every event.
 */
class SlowConsumerIT {
  private static final AppSettings APP = TestApps.app("firehose");

  /** The default cap: well above one batch, so a reading client never comes near it. */
  private static final long MAX_PENDING = 1 << 20;

  private static final int BATCHES = 100;
  private static final int EVENT_BYTES = 20_000;

  @Test
  void aClientThatNeverReadsIsDroppedWithBoundedMemoryWhileOthersKeepReceiving() throws Exception {
    var settings = E2eGateway.settings().maxPendingBytes(MAX_PENDING).slowConsumerGraceMillis(500);
    try (E2eGateway gateway = E2eGateway.start(settings.build(), APP);
        SdkClient reader = gateway.client(APP, null, null);
        RawSocket stalled = RawSocket.upgrade(gateway.port(), "/app/" + APP.key(), 4096)) {
      com.pusher.rest.Pusher api = gateway.api(APP);
      stalled.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"firehose\"}}");
      assertThat(stalled.readUntil("subscription_succeeded").opcode()).isEqualTo(0x1);
      reader.connect();
      AtomicLong received = new AtomicLong();
      AtomicBoolean subscribed = new AtomicBoolean();
      reader.pusher().subscribe("firehose", counting(received, subscribed), "chunk");
      await().atMost(Duration.ofSeconds(10)).untilTrue(subscribed);

      long heapBefore = MemoryProbe.heapAfterGc();
      long directBefore = MemoryProbe.nettyDirect();
      long closedBefore = gateway.metrics().total("vask_slow_consumers_closed_total");
      long direct4100Before = gateway.metrics().total("vask_errors_total", "code", "4100");
      long peakDirect = directBefore;
      String chunk = "c".repeat(EVENT_BYTES);
      for (int batch = 0; batch < BATCHES; batch++) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          events.add(new Event("firehose", "chunk", Map.of("n", batch * 10 + i, "pad", chunk)));
        }
        ApiCalls.ok(api.trigger(events));
        peakDirect = Math.max(peakDirect, MemoryProbe.nettyDirect());
        // Publish no faster than the reading client reads (at most one batch ahead), so only
        // the stalled socket ever comes near the cap, however busy this machine is.
        long due = batch * 10L;
        await().atMost(Duration.ofSeconds(20)).until(() -> received.get() >= due);
      }
      long published = (long) BATCHES * 10 * EVENT_BYTES;

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> gateway.metrics().total("vask_slow_consumers_closed_total") > closedBefore);
      assertThat(gateway.metrics().total("vask_errors_total", "code", "4100"))
          .isGreaterThan(direct4100Before);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(received.get()).isEqualTo(BATCHES * 10L));
      assertThat(reader.states()).doesNotContain(ConnectionState.RECONNECTING);

      long heapAfter = MemoryProbe.heapAfterGc();
      System.out.printf(
          "SlowConsumerIT: published %s; heap after GC %s -> %s; Netty direct %s, peak %s%n",
          MemoryProbe.mib(published),
          MemoryProbe.mib(heapBefore),
          MemoryProbe.mib(heapAfter),
          MemoryProbe.mib(directBefore),
          MemoryProbe.mib(peakDirect));
      assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(published / 4);
      assertThat(peakDirect - directBefore).as("direct memory growth").isLessThan(published / 4);

      long drained = drainUntilDropped(stalled);
      assertThat(drained).as("bytes still in kernel buffers").isLessThan(published / 4);
      api.close();
    }
  }

  /** Reads what the kernel still held for the stalled socket, until the gateway's drop shows. */
  private static long drainUntilDropped(RawSocket stalled) {
    long bytes = 0;
    byte[] buffer = new byte[65_536];
    try {
      int n;
      while ((n = stalled.input().read(buffer)) >= 0) {
        bytes += n;
      }
    } catch (IOException reset) {
      // a reset is a drop too
    }
    return bytes;
  }

  private static ChannelEventListener counting(AtomicLong received, AtomicBoolean subscribed) {
    return new ChannelEventListener() {
      @Override
      public void onSubscriptionSucceeded(String channelName) {
        subscribed.set(true);
      }

      @Override
      public void onEvent(PusherEvent event) {
        received.incrementAndGet();
      }
    };
  }
}
