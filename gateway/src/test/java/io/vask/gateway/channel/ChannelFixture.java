package io.vask.gateway.channel;

import io.vask.contract.AppSettings;
import io.vask.contract.AppsFileCodec;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.app.StaticAppRegistry;
import io.vask.gateway.cluster.BusListener;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.ControlMessage;
import io.vask.gateway.cluster.Membership;
import io.vask.gateway.cluster.local.LocalCluster;
import io.vask.gateway.connection.Departure;
import io.vask.gateway.connection.InboundMessages;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.limit.ConnectionLimits;
import io.vask.gateway.limit.LimitSettings;
import io.vask.gateway.limit.Refusals;
import io.vask.gateway.metrics.GatewayMetrics;
import io.vask.gateway.testing.RecordingTransport;
import io.vask.gateway.user.Users;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The channel layer of one node wired as the gateway wires it, over the local cluster, with
 * recording transports instead of sockets and queued loops the test runs ({@link #settle}). The
 * only place the channel tests construct the layer: API changes are adapted here.
 */
public final class ChannelFixture implements AutoCloseable {
  /** Long enough never to end by itself: {@link #endGrace} decides held leaves. */
  private static final long GRACE_MILLIS = 3_600_000;

  private final QueuedLoops loops = new QueuedLoops(2);
  private final TextFrames encoder = new TextFrames();
  private final RecordingWebhooks webhooks = new RecordingWebhooks();
  private final List<ControlMessage> controls = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger sockets = new AtomicInteger();
  private final AppRegistry apps;
  private final Cluster cluster;
  private final ChannelRegistry registry;
  private final Users users;
  private final InboundMessages messages;
  private final Departure departure;

  /** Serves the apps given as apps-file JSON objects, e.g. {@code {"id":"1","key":...}}. */
  public ChannelFixture(Clock clock, String... appsJson) {
    apps = new StaticAppRegistry(parse(appsJson));
    cluster = LocalCluster.create(clock, GRACE_MILLIS);
    registry = new ChannelRegistry(loops.count());
    GatewayMetrics metrics = new GatewayMetrics();
    Fanout fanout = new Fanout(registry, loops, encoder, metrics);
    Membership membership = cluster.membership();
    SubscriptionCounts counts =
        new SubscriptionCounts(apps, registry, fanout, membership.counts(), webhooks, timer, 5000);
    Subscriptions subscriptions =
        new Subscriptions(
            apps,
            registry,
            cluster.bus(),
            membership,
            cluster.cache(),
            webhooks,
            counts,
            DebugStream.OFF);
    users = new Users(apps, registry, cluster.bus(), membership.users(), fanout, timer, 30_000);
    Refusals refusals = new Refusals(metrics);
    LimitSettings limits = LimitSettings.defaults();
    messages =
        new InboundMessages(
            subscriptions,
            new ClientEvents(apps, cluster.bus(), webhooks),
            users,
            metrics,
            apps,
            limits,
            refusals);
    departure =
        new Departure(
            subscriptions,
            users,
            membership.quota(),
            new ConnectionLimits(limits.connections(), System::nanoTime),
            DebugStream.OFF);
    cluster.bus().start(listener(fanout));
    membership.start(new ClusterTransitions(apps, cluster.bus(), webhooks, counts, appId -> {}));
  }

  public ChannelFixture(String... appsJson) {
    this(Clock.systemUTC(), appsJson);
  }

  private BusListener listener(Fanout fanout) {
    return new BusListener() {
      @Override
      public void deliver(ChannelEvent event) {
        fanout.deliverLocally(event);
      }

      @Override
      public void control(ControlMessage message) {
        controls.add(message);
        users.onControl(message);
      }
    };
  }

  private static List<AppSettings> parse(String... appsJson) {
    String file = "{\"apps\":[" + String.join(",", appsJson) + "]}";
    return AppsFileCodec.parse(file.getBytes(StandardCharsets.UTF_8)).apps();
  }

  /** A client connected to app {@code appId}; clients alternate between the two loops. */
  public WireClient connect(String appId) {
    int n = sockets.incrementAndGet();
    int loop = n % loops.count();
    var transport = new RecordingTransport(loop, loops.executor(loop));
    Session session = new Session(n + "." + (1000 + n), appId, transport);
    return new WireClient(this, session, transport);
  }

  /** Runs every task the loops have queued, as the next loop passes would. */
  public void settle() {
    loops.runAll();
  }

  /** The leave grace ends now: held leaves are decided (webhooks). */
  public void endGrace() {
    cluster.membership().flushPendingLeaves().toCompletableFuture().join();
    settle();
  }

  public AppRegistry apps() {
    return apps;
  }

  public Cluster cluster() {
    return cluster;
  }

  public RecordingWebhooks webhooks() {
    return webhooks;
  }

  /** Control messages broadcast on the bus (terminate, user status). */
  public List<ControlMessage> controls() {
    return List.copyOf(controls);
  }

  TextFrames encoder() {
    return encoder;
  }

  ChannelRegistry registry() {
    return registry;
  }

  /** Hands a client's text frame to the use cases, as the WebSocket handler does. */
  void receive(Session session, String frame) {
    messages.receive(session, frame);
    settle();
  }

  /** The client's socket went away. */
  void depart(Session session) {
    departure.leave(session);
    settle();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    cluster.close();
  }
}
