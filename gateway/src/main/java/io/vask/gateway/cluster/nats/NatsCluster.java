package io.vask.gateway.cluster.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.KeyValueOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.ClusterBounds;
import io.vask.gateway.cluster.LeaveGrace;
import io.vask.gateway.cluster.Membership;
import io.vask.gateway.cluster.OutageQueue;
import io.vask.gateway.cluster.StartedListener;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connects a node to NATS and builds its cluster parts over one connection: creates (or reuses) the
 * buckets {@code vask-membership}, {@code vask-nodes}, {@code vask-cache}, {@code vask-apps} and
 * the stream {@code VASK_WEBHOOKS}, and starts the heartbeat, janitor and count flush timers. The
 * node takes up an app's state only once its {@link io.vask.gateway.cluster.AppScope} serves the
 * app.
 */
public final class NatsCluster {
  static final String MEMBERSHIP = "vask-membership";
  static final String NODES = "vask-nodes";
  static final String CACHE = "vask-cache";
  static final String APPS = "vask-apps";

  /** An app id nobody serves any more frees up this long after its fleet's last renewal. */
  static final Duration OWNERSHIP_TTL = Duration.ofMinutes(10);

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  /** Compare-and-set lanes of the membership bucket. */
  private static final int LANES = 4;

  private NatsCluster() {}

  /**
   * {@code nodeName} names this node in logs and keys; a random suffix makes each process life a
   * distinct node, so a restarted pod never inherits the memberships of its previous life.
   */
  public static Cluster connect(String url, String nodeName, Clock clock, NatsTimings timings)
      throws IOException, InterruptedException {
    return connect(url, NatsAccess.NONE, nodeName, clock, timings);
  }

  /** As above, proving itself to NATS with {@code access} (credentials, TLS). */
  public static Cluster connect(
      String url, NatsAccess access, String nodeName, Clock clock, NatsTimings timings)
      throws IOException, InterruptedException {
    return connect(url, access, nodeName, clock, timings, ClusterBounds.DEFAULT);
  }

  /**
   * As above, holding at most {@code bounds} while NATS is unreachable (what jnats buffers for
   * reconnecting is one of them: past it publishes fail at once and are counted) and bounding the
   * webhook stream on the server.
   */
  public static Cluster connect(
      String url,
      NatsAccess access,
      String nodeName,
      Clock clock,
      NatsTimings timings,
      ClusterBounds bounds)
      throws IOException, InterruptedException {
    String node = Keys.nodeToken(nodeName + "-" + UUID.randomUUID().toString().substring(0, 8));
    Link link = new Link();
    Options.Builder options =
        Options.builder()
            .servers(url.split(","))
            .connectionName("vask-" + node)
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(500))
            .reconnectJitter(Duration.ofMillis(250))
            .reconnectBufferSize(bounds.publishBufferBytes())
            .pingInterval(Duration.ofSeconds(2))
            .connectionListener(link);
    access.apply(options);
    Connection connection = open(options.build());
    try {
      JetStreamOptions jso = JetStreamOptions.builder().requestTimeout(REQUEST_TIMEOUT).build();
      KeyValueOptions kvo = KeyValueOptions.builder().jetStreamOptions(jso).build();
      KeyValueManagement buckets = connection.keyValueManagement(kvo);
      ensureBucket(buckets, MEMBERSHIP, null);
      ensureBucket(buckets, NODES, Duration.ofMillis(timings.heartbeatTtlMillis()));
      ensureBucket(buckets, CACHE, Duration.ofDays(1));
      ensureBucket(buckets, APPS, OWNERSHIP_TTL);
      WebhookStream.ensure(connection.jetStreamManagement(jso), bounds);
      KeyValue membership = connection.keyValue(MEMBERSHIP, kvo);
      KeyValue nodes = connection.keyValue(NODES, kvo);
      JetStream jetStream = connection.jetStream(jso);

      ScheduledExecutorService timer = Executors.newScheduledThreadPool(4, daemon());
      KvMirror mirror = new KvMirror(membership, Duration.ofSeconds(10));
      CasLanes lanes = new CasLanes(membership, mirror, LANES, bounds.membershipQueuePerLane());
      Membership parts =
          membership(node, new Buckets(membership, mirror, nodes, lanes), link, timer, timings);

      AutoCloseable shared =
          () -> {
            timer.shutdownNow();
            mirror.close();
            try {
              nodes.delete(node); // survivors evict what is left of us at once
            } catch (Exception e) {
              // the heartbeat expires on its own
            }
            connection.close();
          };
      NatsClusterBus bus = new NatsClusterBus(connection, node);
      JetStreamManagement management = connection.jetStreamManagement(jso);
      NatsWebhookOutbox outbox =
          new NatsWebhookOutbox(
              jetStream,
              management,
              link,
              timer,
              new Unpublished(bounds.webhookBufferBytes()),
              new StreamDiscards(management, link, bounds.streamMaxBytes()));
      NatsChannelCache cache =
          new NatsChannelCache(connection.keyValue(CACHE, kvo), clock, bounds.cacheQueue());
      return new Cluster(
          bus,
          parts,
          cache,
          outbox,
          new NatsAppScope(new AppOwnership(connection.keyValue(APPS, kvo)), mirror, bus, outbox),
          shared,
          outageQueues(bounds, connection, lanes, cache, outbox));
    } catch (Exception e) {
      connection.close();
      if (e instanceof IOException io) {
        throw io;
      }
      throw new IOException("NATS cluster setup failed: " + e.getMessage(), e);
    }
  }

  /** The queues that grow while NATS is unreachable, each with its bound (for metrics). */
  private static List<OutageQueue> outageQueues(
      ClusterBounds bounds,
      Connection connection,
      CasLanes lanes,
      NatsChannelCache cache,
      NatsWebhookOutbox outbox) {
    return List.of(
        new OutageQueue(
            "publishes",
            OutageQueue.Unit.BYTES,
            connection::outgoingPendingBytes,
            bounds.publishBufferBytes()),
        new OutageQueue(
            "membership_writes",
            OutageQueue.Unit.ENTRIES,
            lanes::queued,
            (long) LANES * bounds.membershipQueuePerLane()),
        new OutageQueue(
            "cache_writes", OutageQueue.Unit.ENTRIES, cache::queued, bounds.cacheQueue()),
        new OutageQueue(
            "webhooks",
            OutageQueue.Unit.BYTES,
            outbox::unstoredBytes,
            bounds.webhookBufferBytes()));
  }

  /** Connects once; a refusal names its reason (credentials, TLS), never a secret. */
  private static Connection open(Options options) throws IOException, InterruptedException {
    try {
      return Nats.connect(options);
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      if (reason.toLowerCase(java.util.Locale.ROOT).contains("authoriz")
          || reason.toLowerCase(java.util.Locale.ROOT).contains("authentic")) {
        throw new IOException("NATS refused this node's credentials: " + reason, e);
      }
      throw new IOException("NATS not reachable: " + reason, e);
    }
  }

  /**
   * The membership bucket, this node's mirror of it, the heartbeat bucket, and the lanes writing to
   * the membership bucket.
   */
  private record Buckets(KeyValue membership, KvMirror mirror, KeyValue nodes, CasLanes lanes) {}

  /** The membership parts over one bucket, with their janitor and count flush on the timer. */
  private static Membership membership(
      String node,
      Buckets buckets,
      Link link,
      ScheduledExecutorService timer,
      NatsTimings timings) {
    StartedListener listener = new StartedListener();
    LeaveGrace grace =
        new LeaveGrace(timings.leaveGraceMillis(), timer, LeaveGrace.OnFlush.LET_RUN, listener);
    CasLanes lanes = buckets.lanes();
    NatsMembership shared =
        new NatsMembership(node, lanes, buckets.mirror(), link, grace, listener);
    LocalCounts counts =
        new LocalCounts(node, buckets.membership(), buckets.mirror(), lanes, listener);
    buckets.mirror().onChange(counts::observe);
    NatsConnectionQuota quota =
        new NatsConnectionQuota(
            node, new SlotLeases(buckets.membership()), lanes, buckets.mirror(), link, counts);
    MembershipView view = new MembershipView(shared, counts);
    NatsPresence presence =
        new NatsPresence(shared, view, new PresenceRoster(buckets.membership(), buckets.mirror()));
    OutageJournal journal = new OutageJournal(shared);
    MembershipJanitor janitor =
        new MembershipJanitor(
            node,
            link,
            buckets.nodes(),
            timings.heartbeatTtlMillis(),
            List.of(journal, counts, quota, new EntrySweep(shared), presence));
    janitor.beat();
    long beatEvery = Math.max(100, timings.heartbeatTtlMillis() / 5);
    timer.scheduleAtFixedRate(janitor::beat, beatEvery, beatEvery, TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(
        janitor::sweep, timings.sweepMillis(), timings.sweepMillis(), TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(counts::flush, 100, 100, TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(quota::returnIdle, 100, 100, TimeUnit.MILLISECONDS);
    link.onReconnect(
        () -> {
          counts.rewriteAll();
          timer.execute(janitor::beat);
        });
    return new Membership(
        new NatsOccupancy(shared, journal),
        presence,
        new NatsChannelCounts(counts, view),
        quota,
        new NatsOnlineUsers(shared, view, journal),
        new NatsMembershipLifecycle(node, listener, grace, link, counts, lanes, journal));
  }

  private static void ensureBucket(KeyValueManagement buckets, String name, Duration ttl)
      throws IOException, JetStreamApiException {
    KeyValueConfiguration.Builder config =
        KeyValueConfiguration.builder()
            .name(name)
            .storageType(StorageType.File)
            .maxHistoryPerKey(1);
    if (ttl != null) {
      config.ttl(ttl);
    }
    try {
      buckets.getStatus(name);
    } catch (JetStreamApiException missing) {
      buckets.create(config.build());
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "vask-nats-timer");
      t.setDaemon(true);
      return t;
    };
  }
}
