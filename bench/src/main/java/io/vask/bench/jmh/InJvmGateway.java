package io.vask.bench.jmh;

import io.netty.buffer.PooledByteBufAllocator;
import io.vask.contract.AppSettings;
import io.vask.gateway.app.StaticAppRegistry;
import io.vask.gateway.channel.ChannelRegistry;
import io.vask.gateway.channel.Fanout;
import io.vask.gateway.channel.FrameEncoder;
import io.vask.gateway.channel.Loops;
import io.vask.gateway.channel.SubscriptionCounts;
import io.vask.gateway.channel.Subscriptions;
import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.local.LocalCluster;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.metrics.GatewayMetrics;
import io.vask.gateway.webhook.WebhookDispatcher;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The gateway's channel layer wired as Gateway.start wires it (in-memory cluster, one loop that
 * runs tasks on the calling thread), without sockets: what the subscribe and fan-out benchmarks
 * drive directly.
 */
final class InJvmGateway implements AutoCloseable {
  static final String APP = "bench";
  final ChannelRegistry registry = new ChannelRegistry(1);
  final Subscriptions subscriptions;
  final Fanout fanout;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  InJvmGateway() {
    Clock clock = Clock.systemUTC();
    Cluster cluster = LocalCluster.create(clock);
    StaticAppRegistry apps =
        new StaticAppRegistry(List.of(AppSettings.of(APP, "bench-key", "bench-secret")));
    WebhookDispatcher webhooks = new WebhookDispatcher(cluster.outbox(), clock);
    Loops loops =
        new Loops() {
          @Override
          public int count() {
            return 1;
          }

          @Override
          public Executor executor(int index) {
            return Runnable::run;
          }
        };
    FrameEncoder encoder =
        (text, holders) -> {
          var buf = PooledByteBufAllocator.DEFAULT.directBuffer(text.length + 4);
          buf.writeByte(0x81).writeByte(126).writeShort(text.length).writeBytes(text);
          if (holders > 1) {
            buf.retain(holders - 1);
          }
          return new BenchTransport.Frame(buf, text.length);
        };
    fanout = new Fanout(registry, loops, encoder, new GatewayMetrics());
    SubscriptionCounts counts =
        new SubscriptionCounts(
            apps, registry, fanout, cluster.membership().counts(), webhooks, timer, 1000);
    subscriptions =
        new Subscriptions(
            apps,
            registry,
            cluster.bus(),
            cluster.membership(),
            cluster.cache(),
            webhooks,
            counts,
            DebugStream.OFF);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
