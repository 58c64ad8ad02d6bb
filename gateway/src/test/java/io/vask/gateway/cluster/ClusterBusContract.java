package io.vask.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ClusterBus} does for one node: what it publishes comes back to it once. */
public abstract class ClusterBusContract extends ClusterNodeContract {
  private final List<ChannelEvent> delivered = new CopyOnWriteArrayList<>();
  private final List<ControlMessage> controls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startBus() {
    cluster.bus().start(BusRecorder.into(delivered, controls));
  }

  @Test
  void publishedEventsAndControlsReachThisNodeOnce() {
    cluster.bus().addInterest(app, "room");
    byte[] frame = "{\"event\":\"e\"}".getBytes(StandardCharsets.UTF_8);
    cluster.bus().publish(new ChannelEvent(app, "room", frame, "1.2"));
    cluster.bus().broadcast(new ControlMessage.TerminateUser(app, "u1"));

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> delivered.size() == 1);
    assertThat(delivered.get(0).excludeSocketId()).isEqualTo("1.2");
    assertThat(controls).containsExactly(new ControlMessage.TerminateUser(app, "u1"));
  }

  @Test
  void aConnectedBusIsHealthy() {
    assertThat(cluster.bus().healthy()).isTrue();
  }

  @Test
  void anInterestIsConfirmedOnceAndRepeatingItChangesNothing() {
    var first = cluster.bus().addInterest(app, "room").toCompletableFuture();
    assertThat(first.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join()).isNull();
    assertThat(cluster.bus().addInterest(app, "room").toCompletableFuture()).isCompleted();
    cluster.bus().publish(new ChannelEvent(app, "room", new byte[] {'x'}, null));

    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> delivered.size() == 1);
  }
}
