package io.vask.gateway;

import io.micrometer.core.instrument.Counter;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.channel.ChannelRegistry;
import io.vask.gateway.channel.ClientEvents;
import io.vask.gateway.channel.ClusterTransitions;
import io.vask.gateway.channel.Fanout;
import io.vask.gateway.channel.SubscriptionCounts;
import io.vask.gateway.channel.Subscriptions;
import io.vask.gateway.cluster.BusListener;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.ControlMessage;
import io.vask.gateway.cluster.Membership;
import io.vask.gateway.connection.Admission;
import io.vask.gateway.connection.AppReload;
import io.vask.gateway.connection.Departure;
import io.vask.gateway.connection.InboundMessages;
import io.vask.gateway.console.Console;
import io.vask.gateway.console.DebugHub;
import io.vask.gateway.console.DebugLog;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.console.LiveFigures;
import io.vask.gateway.console.RecordedWebhooks;
import io.vask.gateway.httpapi.ApiRouter;
import io.vask.gateway.limit.ApiRateLimit;
import io.vask.gateway.limit.ConnectionLimits;
import io.vask.gateway.limit.LimitSettings;
import io.vask.gateway.limit.Refusals;
import io.vask.gateway.metrics.ClusterMeters;
import io.vask.gateway.metrics.GatewayMetrics;
import io.vask.gateway.protocol.SocketIds;
import io.vask.gateway.server.NettyServer;
import io.vask.gateway.server.Readiness;
import io.vask.gateway.user.Users;
import io.vask.gateway.webhook.RetryPolicy;
import io.vask.gateway.webhook.WebhookBacklog;
import io.vask.gateway.webhook.WebhookDispatcher;
import io.vask.gateway.webhook.WebhookMetrics;
import io.vask.gateway.webhook.WebhookSender;
import io.vask.gateway.webhook.WebhookTiming;
import io.vask.gateway.webhook.Webhooks;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One running gateway, wired top-down in {@link #start}: transport → connection use cases → channel
 * use cases → cluster. Tests run several in one JVM (no static state).
 */
public final class Gateway implements AutoCloseable {
  /** Subscription counts above 100 subscribers go out at most this often. */
  public static final long COUNT_THROTTLE_MILLIS = 5000;

  /** A debug console is shown at most this many records a second; the rest are counted. */
  public static final int CONSOLE_RECORDS_PER_SECOND = 200;

  private final NettyServer server;
  private final Cluster cluster;
  private final ScheduledExecutorService timer;
  private final GatewayMetrics metrics;
  private final AppRegistry apps;

  private Gateway(
      NettyServer server,
      Cluster cluster,
      ScheduledExecutorService timer,
      GatewayMetrics metrics,
      AppRegistry apps) {
    this.server = server;
    this.cluster = cluster;
    this.timer = timer;
    this.metrics = metrics;
    this.apps = apps;
  }

  public static Gateway start(
      GatewaySettings settings, AppRegistry apps, Cluster cluster, Clock clock)
      throws InterruptedException {
    return start(settings, apps, cluster, clock, RetryPolicy.PUSHER);
  }

  /**
   * The composition root: metrics and timers, the transport's loops, the channel use cases over the
   * cluster, the cluster's reports back to them, then the transport handing connections to the
   * connection use cases and requests to the HTTP API, within the settings' limits.
   */
  public static Gateway start(
      GatewaySettings settings,
      AppRegistry appsFile,
      Cluster cluster,
      Clock clock,
      RetryPolicy retries)
      throws InterruptedException {
    LimitSettings limits = settings.limits();
    GatewayMetrics metrics = new GatewayMetrics(() -> ids(appsFile));
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemon("vask-timer"));
    AppRegistry apps = servedApps(appsFile, cluster, metrics, timer);
    NettyServer server = new NettyServer(settings, metrics);

    ClusterBus bus = cluster.bus();
    DebugHub debug = debugHub(settings, apps, bus, clock, timer, metrics);
    DebugStream moments = DebugLog.around(debug); // connections and subscriptions, at DEBUG
    Webhooks webhooks = new RecordedWebhooks(new WebhookDispatcher(cluster.outbox(), clock), debug);
    ChannelRegistry registry = channelRegistry(server, metrics);
    Fanout fanout = new Fanout(registry, server.loops(), server.frameEncoder(), metrics);
    Membership membership = cluster.membership();
    SubscriptionCounts counts =
        new SubscriptionCounts(
            apps, registry, fanout, membership.counts(), webhooks, timer, COUNT_THROTTLE_MILLIS);
    Subscriptions subscriptions =
        new Subscriptions(
            apps, registry, bus, membership, cluster.cache(), webhooks, counts, moments);
    Users users =
        new Users(
            apps,
            registry,
            bus,
            membership.users(),
            fanout,
            timer,
            settings.authorizationTimeoutMillis());

    bus.start(listener(fanout, users, debug));
    membership.start(new ClusterTransitions(apps, bus, webhooks, counts, notServed(metrics)));
    cluster.cache().start(timer);
    cluster
        .outbox()
        .start(webhookSender(settings, apps, cluster, timer, clock, retries, metrics, debug));

    Refusals refusals = new Refusals(metrics);
    ConnectionLimits connectionLimits = connectionLimits(limits, metrics);
    Readiness readiness = readiness(cluster, metrics, connectionLimits);
    ClusterMeters.register(cluster, metrics);
    ApiRouter api =
        new ApiRouter(
            apps,
            bus,
            membership,
            cluster.cache(),
            clock,
            new ApiRateLimit(System::nanoTime),
            refusals,
            debug);
    server.start(
        new Admission(
            apps,
            membership.quota(),
            new SocketIds(),
            readiness::draining,
            users,
            connectionLimits,
            refusals,
            moments),
        new InboundMessages(
            subscriptions,
            new ClientEvents(apps, bus, webhooks),
            users,
            metrics,
            apps,
            limits,
            refusals),
        new Departure(subscriptions, users, membership.quota(), connectionLimits, moments),
        api,
        console(settings, apps, debug, api, membership, clock),
        readiness,
        limits,
        refusals);
    AppReload reload = new AppReload(apps, refusals);
    apps.onChange(() -> reload.reloaded(server.sessions()));
    return new Gateway(server, cluster, timer, metrics, apps);
  }

  /** The console page's API: debug records, live figures, channels, the event creator. */
  private static Console console(
      GatewaySettings settings,
      AppRegistry apps,
      DebugHub debug,
      ApiRouter api,
      Membership membership,
      Clock clock) {
    LiveFigures figures =
        new LiveFigures(membership.quota(), membership.counts(), ClusterFactory.nodeName(settings));
    return new Console(
        apps, debug, api, membership.counts(), membership.presence(), figures, clock);
  }

  /** The debug stream: records of watched apps, announced and expired on the timer. */
  private static DebugHub debugHub(
      GatewaySettings settings,
      AppRegistry apps,
      ClusterBus bus,
      Clock clock,
      ScheduledExecutorService timer,
      GatewayMetrics metrics) {
    Counter dropped =
        Counter.builder("vask_console_records_dropped")
            .description("Debug records not shown to a console over its rate limit")
            .register(metrics.registry);
    DebugHub hub =
        new DebugHub(
            bus,
            apps,
            clock,
            ClusterFactory.nodeName(settings),
            CONSOLE_RECORDS_PER_SECOND,
            n -> dropped.increment(n));
    timer.scheduleAtFixedRate(
        hub::tick, DebugHub.ANNOUNCE_MILLIS, DebugHub.ANNOUNCE_MILLIS, TimeUnit.MILLISECONDS);
    return hub;
  }

  /** The apps file's apps the cluster did not refuse, followed through reloads. */
  private static AppRegistry servedApps(
      AppRegistry appsFile,
      Cluster cluster,
      GatewayMetrics metrics,
      ScheduledExecutorService timer) {
    return ServedApps.follow(
        appsFile,
        cluster.scope(),
        metrics.reasonCounter(
            "vask_apps_refused",
            "Apps of the apps file this gateway refused to serve, by reason",
            ServedApps.ID_CONFLICT),
        timer);
  }

  private static ChannelRegistry channelRegistry(NettyServer server, GatewayMetrics metrics) {
    ChannelRegistry registry = new ChannelRegistry(server.loops().count());
    metrics.gauge(
        "vask_subscriptions", "Channel subscriptions on this node", registry::subscriptionCount);
    return registry;
  }

  /** Delivers the outbox's webhooks over HTTP, retrying as {@code retries} says. */
  private static WebhookSender webhookSender(
      GatewaySettings settings,
      AppRegistry apps,
      Cluster cluster,
      ScheduledExecutorService timer,
      Clock clock,
      RetryPolicy retries,
      GatewayMetrics metrics,
      DebugStream debug) {
    WebhookBacklog backlog =
        new WebhookBacklog(settings.webhookBacklogBytes(), settings.webhookMaxInFlight());
    return new WebhookSender(
        apps,
        // connect and request timeouts: no exchange pends inside the client past them
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(retries.timeout())
            .executor(Executors.newFixedThreadPool(2, daemon("vask-webhooks")))
            .build(),
        timer,
        clock,
        new WebhookTiming(retries, 100),
        backlog,
        new WebhookMetrics(
            metrics,
            cluster.outbox()::depth,
            cluster.outbox()::lost,
            cluster.outbox()::discardedByStream,
            backlog),
        debug);
  }

  private static ConnectionLimits connectionLimits(LimitSettings limits, GatewayMetrics metrics) {
    ConnectionLimits connections = new ConnectionLimits(limits.connections(), System::nanoTime);
    metrics.gauge(
        "vask_limit_max_connections",
        "Connections this pod accepts before answering 4100 and reporting not ready",
        () -> limits.maxConnections());
    metrics.gauge(
        "vask_limit_tracked_addresses",
        "Client addresses tracked for the per-address limits (bounded)",
        connections::trackedAddresses);
    return connections;
  }

  /** Counts a transition's webhook dropped because its app is no longer served here. */
  private static java.util.function.Consumer<String> notServed(GatewayMetrics metrics) {
    Runnable dropped =
        metrics.reasonCounter(
            "vask_transitions_dropped",
            "Decided transitions whose webhooks were dropped, by reason",
            WebhookMetrics.APP_NOT_SERVED);
    return appId -> dropped.run();
  }

  /**
   * Ready once the cluster was reached, until the node drains, below its connection limit (a
   * cluster outage shows as degraded).
   */
  private static Readiness readiness(
      Cluster cluster, GatewayMetrics metrics, ConnectionLimits connections) {
    BooleanSupplier healthy = () -> cluster.bus().healthy() && cluster.membership().healthy();
    metrics.gauge(
        "vask_cluster_connected",
        "1 while this node reaches the cluster (always 1 on a single node)",
        () -> healthy.getAsBoolean() ? 1 : 0);
    return new Readiness(healthy, connections::full);
  }

  private static java.util.List<String> ids(AppRegistry apps) {
    return apps.all().stream().map(io.vask.contract.AppSettings::id).toList();
  }

  private static BusListener listener(Fanout fanout, Users users, DebugHub debug) {
    return new BusListener() {
      @Override
      public void deliver(ChannelEvent event) {
        if (DebugHub.CHANNEL.equals(event.channel())) {
          debug.deliver(event);
        } else {
          fanout.deliverLocally(event);
        }
      }

      @Override
      public void control(ControlMessage message) {
        users.onControl(message);
        debug.onControl(message);
      }
    };
  }

  public int port() {
    return server.port();
  }

  public int metricsPort() {
    return server.metricsPort();
  }

  public GatewayMetrics metrics() {
    return metrics;
  }

  /** Graceful shutdown: drain sockets over {@code drainSeconds}, flush webhooks, stop. */
  public void drainAndClose(int drainSeconds, long webhookFlushMillis) {
    server.drain(drainSeconds);
    // the drain's vacated/member_removed webhooks are held for the de-bounce grace by the
    // membership, whose timers close() stops: have them decided, then wait for the outbox
    long deadline = System.currentTimeMillis() + webhookFlushMillis;
    try {
      cluster
          .membership()
          .flushPendingLeaves()
          .toCompletableFuture()
          .get(Math.max(1, webhookFlushMillis), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // shutting down regardless: what is not decided now is decided by the surviving nodes
    }
    while (cluster.outbox().depth() > 0 && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
  }

  @Override
  public void close() {
    server.close();
    timer.shutdownNow();
    cluster.close();
    apps.close();
    metrics.close();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
