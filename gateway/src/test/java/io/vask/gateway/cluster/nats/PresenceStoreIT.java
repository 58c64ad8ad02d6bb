package io.vask.gateway.cluster.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.Nats;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.vask.gateway.protocol.PresenceMember;
import io.vask.gateway.testing.NatsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The presence store's parts on a real bucket: the mirror's parse of a membership entry follows
 * every change of the key (it is reused only while the value is the same), and the roster admits up
 * to its limit, keeps a user once with all its nodes and forgets the user with its last node.
 */
class PresenceStoreIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();

  private static final String ROSTER = Keys.roster("app1", "presence-room");
  private final List<KvMirror> mirrors = new ArrayList<>();
  private Connection connection;
  private KeyValue bucket;

  @BeforeEach
  void open(org.junit.jupiter.api.TestInfo test) throws Exception {
    connection = Nats.connect(NATS.url());
    String name = "store-" + test.getTestMethod().orElseThrow().getName();
    connection
        .keyValueManagement()
        .create(
            KeyValueConfiguration.builder()
                .name(name)
                .storageType(StorageType.Memory)
                .maxHistoryPerKey(1)
                .build());
    bucket = connection.keyValue(name);
  }

  @AfterEach
  void close() throws InterruptedException {
    mirrors.forEach(KvMirror::close);
    connection.close();
  }

  /** A roster whose first reads come from a mirror of app1's keys. */
  private PresenceRoster watchedRoster() throws Exception {
    KvMirror mirror = new KvMirror(bucket, Duration.ofSeconds(10));
    mirror.watch("app1");
    mirrors.add(mirror);
    return new PresenceRoster(bucket, mirror);
  }

  @Test
  void mirroredEntryFollowsEveryChangeAndIsParsedOncePerValue() throws Exception {
    KvMirror mirror = new KvMirror(bucket, Duration.ofSeconds(10));
    mirror.watch("app1");
    String key = Keys.member("app1", "presence-room", "u1");
    PresenceMember member = new PresenceMember("u1", "{\"name\":\"Ann\"}");

    bucket.put(key, MembershipEntry.held("node-a", member).toBytes());
    await(() -> mirror.entry(key) != null);
    MembershipEntry first = mirror.entry(key);
    assertEquals(Set.of("node-a"), first.nodes());
    assertSame(first, mirror.entry(key), "the same value is not parsed again");

    bucket.put(key, first.with("node-b").toBytes());
    await(() -> mirror.entry(key).nodes().size() == 2);
    assertEquals(Set.of("node-a", "node-b"), mirror.entry(key).nodes());
    assertEquals(member, mirror.entry(key).member());

    bucket.delete(key);
    await(() -> mirror.get(key) == null);
    assertNull(mirror.entry(key), "a deleted key has no entry");
    mirror.close();
  }

  @Test
  void rosterAdmitsUpToItsLimitOncePerUser() throws Exception {
    PresenceRoster roster = watchedRoster();
    String key = ROSTER;

    assertTrue(roster.admit(key, "u1", "node-a", 2));
    assertTrue(roster.admit(key, "u1", "node-b", 2), "a present user takes no second place");
    assertTrue(roster.admit(key, "u2", "node-a", 2));
    assertFalse(roster.admit(key, "u3", "node-b", 2), "full at two users");
    assertEquals(Map.of("u1", Set.of("node-a", "node-b"), "u2", Set.of("node-a")), read(key));

    roster.withdraw(key, "u1", "node-a");
    assertEquals(Set.of("node-b"), read(key).get("u1"), "the user stays with its other node");
    assertFalse(roster.admit(key, "u3", "node-b", 2));
    roster.withdraw(key, "u1", "node-b");
    assertTrue(roster.admit(key, "u3", "node-b", 2), "the last node's leave frees the place");

    roster.withdraw(key, "u2", "node-a");
    roster.withdraw(key, "u3", "node-b");
    assertNull(bucket.get(key), "an empty roster is deleted");
  }

  @Test
  void rosterDecidesOnTheBucketWhenTheMirrorLags() throws Exception {
    // a mirror that watches nothing: every guess says "absent", however the bucket is
    PresenceRoster roster =
        new PresenceRoster(bucket, new KvMirror(bucket, Duration.ofSeconds(10)));
    String key = Keys.roster("app1", "presence-room");

    assertTrue(roster.admit(key, "u1", "node-a", 2));
    assertTrue(roster.admit(key, "u2", "node-b", 2));
    assertFalse(roster.admit(key, "u3", "node-b", 2), "full, although the guess was empty");
    roster.withdraw(key, "u1", "node-a"); // the guess shows nothing to withdraw
    assertEquals(Map.of("u2", Set.of("node-b")), read(key));
  }

  @Test
  void entryChangesAreDecidedOnTheBucketWhenTheMirrorLags() throws Exception {
    CasLanes lanes = new CasLanes(bucket, new KvMirror(bucket, Duration.ofSeconds(10)), 1);
    String key = Keys.member("app1", "presence-room", "u1");
    PresenceMember member = new PresenceMember("u1", null);

    CasLanes.Change first = lanes.mutate(key, e -> MembershipEntry.held("node-a", member));
    assertTrue(first.written());
    assertNull(first.before());
    CasLanes.Change second =
        lanes.mutate(
            key, e -> e == null ? MembershipEntry.held("node-b", member) : e.with("node-b"));
    assertEquals(Set.of("node-a"), second.before().nodes(), "the bucket's entry, not the guess");
    assertEquals(Set.of("node-a", "node-b"), second.after().nodes());
    CasLanes.Change release =
        lanes.mutate(key, e -> e == null || !e.holds("node-a") ? e : e.without("node-a", 1));
    assertTrue(release.written(), "the guess (absent) would have left the entry as it was");
    assertEquals(Set.of("node-b"), MembershipEntry.parse(bucket.get(key).getValue()).nodes());
    lanes.close();
  }

  @Test
  void concurrentJoinsOfOneNodeFillTheRosterExactlyToItsLimit() throws Exception {
    PresenceRoster roster = watchedRoster();
    String key = ROSTER;
    int threads = 8;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger admitted = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  if (roster.admit(key, "u" + thread + "-" + i, "node-" + (thread % 3), 150)) {
                    admitted.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(150, admitted.get(), "200 asked, the limit is 150");
    assertEquals(150, read(key).size());
    assertEquals(0, roster.rostersInUse(), "nothing kept once the burst is over");
  }

  @Test
  void rosterValueReadsBackAndUnreadableValuesAreEmpty() {
    byte[] value =
        "{\"r\":{\"u1\":[\"a\",\"b\"],\"u\\\"2\":[\"c\"]},\"later\":{\"x\":[1]}}"
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(Map.of("u1", Set.of("a", "b"), "u\"2", Set.of("c")), PresenceRoster.parse(value));
    assertEquals(Map.of(), PresenceRoster.parse("not json".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Map.of(), PresenceRoster.parse("{\"r\":{\"u1\":[".getBytes()));
    assertEquals(Map.of(), PresenceRoster.parse(null));
  }

  private Map<String, Set<String>> read(String key) throws Exception {
    return PresenceRoster.parse(bucket.get(key).getValue());
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(10);
    }
  }
}
