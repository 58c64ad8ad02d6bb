package io.vask.gateway.connection;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.StaticAppRegistry;
import io.vask.gateway.channel.ChannelRegistry;
import io.vask.gateway.channel.ClientEvents;
import io.vask.gateway.channel.Fanout;
import io.vask.gateway.channel.Session;
import io.vask.gateway.channel.SubscriptionCounts;
import io.vask.gateway.channel.Subscriptions;
import io.vask.gateway.cluster.BusListener;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.ControlMessage;
import io.vask.gateway.cluster.local.LocalCluster;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.limit.ConnectionLimits;
import io.vask.gateway.limit.LimitSettings;
import io.vask.gateway.limit.Refusals;
import io.vask.gateway.metrics.GatewayMetrics;
import io.vask.gateway.protocol.SocketIds;
import io.vask.gateway.testing.RecordingTransport;
import io.vask.gateway.user.Users;
import io.vask.gateway.webhook.WebhookDispatcher;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The connection use cases wired as Gateway.start wires them, over the single-node cluster and
 * recording transports instead of sockets; the leave grace is 0 so that leaves are decided at once.
 */
final class ConnectionRig implements AutoCloseable {
  final Cluster cluster = LocalCluster.create(Clock.systemUTC(), 0);
  final ChannelRegistry registry = new ChannelRegistry(1);
  final AtomicBoolean draining = new AtomicBoolean();
  final Subscriptions subscriptions;
  final Users users;
  final Admission admission;
  final InboundMessages messages;
  final Departure departure;
  final Refusals refusals;
  final ConnectionLimits connectionLimits;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  ConnectionRig(AppSettings... apps) {
    this(LimitSettings.defaults(), apps);
  }

  ConnectionRig(LimitSettings limits, AppSettings... apps) {
    StaticAppRegistry registered = new StaticAppRegistry(List.of(apps));
    WebhookDispatcher webhooks = new WebhookDispatcher(cluster.outbox(), Clock.systemUTC());
    GatewayMetrics metrics = new GatewayMetrics();
    Fanout fanout =
        new Fanout(registry, RecordingTransport.ONE_LOOP, RecordingTransport.TEXT_FRAMES, metrics);
    SubscriptionCounts counts =
        new SubscriptionCounts(
            registered, registry, fanout, cluster.membership().counts(), webhooks, timer, 1000);
    subscriptions =
        new Subscriptions(
            registered,
            registry,
            cluster.bus(),
            cluster.membership(),
            cluster.cache(),
            webhooks,
            counts,
            DebugStream.OFF);
    users =
        new Users(
            registered,
            registry,
            cluster.bus(),
            cluster.membership().users(),
            fanout,
            timer,
            60_000);
    cluster
        .bus()
        .start(
            new BusListener() {
              @Override
              public void deliver(ChannelEvent event) {
                fanout.deliverLocally(event);
              }

              @Override
              public void control(ControlMessage message) {
                users.onControl(message);
              }
            });
    refusals = new Refusals(metrics);
    connectionLimits = new ConnectionLimits(limits.connections(), System::nanoTime);
    admission =
        new Admission(
            registered,
            cluster.membership().quota(),
            new SocketIds(),
            draining::get,
            users,
            connectionLimits,
            refusals,
            DebugStream.OFF);
    messages =
        new InboundMessages(
            subscriptions,
            new ClientEvents(registered, cluster.bus(), webhooks),
            users,
            metrics,
            registered,
            limits,
            refusals);
    departure =
        new Departure(
            subscriptions, users, cluster.membership().quota(), connectionLimits, DebugStream.OFF);
  }

  /** Admits and welcomes a socket of the app with {@code key}, as the transport does. */
  Session connect(String key, RecordingTransport transport) {
    Verdict verdict = await(admission.admit("/app/" + key, "7", transport));
    Verdict.Admitted admitted = (Verdict.Admitted) verdict;
    admission.welcome(admitted);
    return admitted.session();
  }

  static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
    try {
      return ((CompletableFuture<T>) stage.toCompletableFuture()).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    cluster.close();
  }
}
