package io.vask.gateway.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.MemberJoin;
import io.vask.gateway.cluster.RecordingListener;
import io.vask.gateway.protocol.PresenceMember;
import io.vask.gateway.testing.NatsServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three nodes on one real nats-server admit at the very same moment, 50 times with a fresh app or
 * channel: the cluster never admits more connections than {@code maxConnections} nor more presence
 * members than {@code maxPresenceMembers}, and it fills the limit.
 */
class ExactLimitsIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();
  private static final int TRIES = 50;
  private static final int NODES = 3;
  private static final int LIMIT = 4;
  private static final int ATTEMPTS_PER_NODE = 3;
  private static final List<Cluster> nodes = new ArrayList<>();

  @BeforeAll
  static void startNodes() throws Exception {
    for (int i = 0; i < NODES; i++) {
      Cluster node = ContractNodes.connect(NATS, 600);
      node.membership().start(new RecordingListener());
      nodes.add(node);
    }
  }

  @AfterAll
  static void stopNodes() {
    nodes.forEach(Cluster::close);
  }

  private static String freshApp() {
    String app = "lim" + UUID.randomUUID().toString().substring(0, 8);
    nodes.forEach(n -> n.scope().serve(Map.of(app, "key-" + app)));
    return app;
  }

  @Test
  void concurrentConnectsNeverExceedMaxConnections() throws Exception {
    for (int i = 0; i < TRIES; i++) {
      String app = freshApp();
      List<Boolean> admitted =
          race(n -> nodes.get(n % NODES).membership().quota().connectionOpened(app, LIMIT));
      assertThat(admitted.stream().filter(Boolean::booleanValue).count())
          .as("connections admitted, try %d", i)
          .isEqualTo(LIMIT);
    }
  }

  @Test
  void connectsAdmittedFromLeasedBlocksNeverExceedMaxConnections() throws Exception {
    int limit = 40;
    for (int i = 0; i < TRIES; i++) {
      String app = freshApp();
      List<Boolean> admitted =
          race(n -> nodes.get(n % NODES).membership().quota().connectionOpened(app, limit), 20);
      assertThat(admitted.stream().filter(Boolean::booleanValue).count())
          .as("connections admitted, try %d", i)
          .isBetween(1L, (long) limit);
    }
  }

  @Test
  void concurrentJoinsNeverExceedMaxPresenceMembers() throws Exception {
    String app = freshApp();
    for (int i = 0; i < TRIES; i++) {
      String channel = "presence-" + UUID.randomUUID();
      List<MemberJoin> joins =
          race(
              n ->
                  nodes
                      .get(n % NODES)
                      .membership()
                      .presence()
                      .memberJoined(app, channel, new PresenceMember("user" + n, null), LIMIT));
      assertThat(joins.stream().filter(j -> j == MemberJoin.ADDED).count())
          .as("members added, try %d: %s", i, joins)
          .isEqualTo(LIMIT);
    }
  }

  @Test
  void slotsLeftIdleOnOneNodeGoBackToTheOthers() {
    String app = freshApp();
    var first = nodes.get(0).membership().quota();
    for (int i = 0; i < LIMIT; i++) {
      assertThat(first.connectionOpened(app, LIMIT).toCompletableFuture().join()).isTrue();
    }
    for (int i = 0; i < LIMIT; i++) {
      first.connectionClosed(app);
    }
    var second = nodes.get(1).membership().quota();
    int[] admitted = {0};
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(
            () -> {
              if (second.connectionOpened(app, LIMIT).toCompletableFuture().join()) {
                admitted[0]++;
              }
              return admitted[0] == LIMIT;
            });
    assertThat(second.connectionOpened(app, LIMIT).toCompletableFuture().join()).isFalse();
  }

  /** Every node makes its attempts at once, released by one latch; the outcomes in order. */
  private static <T> List<T> race(IntFunction<java.util.concurrent.CompletionStage<T>> attempt)
      throws Exception {
    return race(attempt, ATTEMPTS_PER_NODE);
  }

  private static <T> List<T> race(
      IntFunction<java.util.concurrent.CompletionStage<T>> attempt, int attemptsPerNode)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<T>> outcomes = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int n = 0; n < NODES * attemptsPerNode; n++) {
      int which = n;
      CompletableFuture<T> outcome = new CompletableFuture<>();
      outcomes.add(outcome);
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                  attempt.apply(which).whenComplete((v, e) -> complete(outcome, v, e));
                } catch (InterruptedException e) {
                  outcome.completeExceptionally(e);
                }
              });
      t.start();
      threads.add(t);
    }
    go.countDown();
    List<T> results = new ArrayList<>();
    for (CompletableFuture<T> outcome : outcomes) {
      results.add(outcome.get(30, TimeUnit.SECONDS));
    }
    return results;
  }

  private static <T> void complete(CompletableFuture<T> outcome, T value, Throwable error) {
    if (error != null) {
      outcome.completeExceptionally(error);
    } else {
      outcome.complete(value);
    }
  }
}
