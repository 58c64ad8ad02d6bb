package io.vask.gateway.server;

import io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.internal.PlatformDependent;
import io.vask.gateway.GatewaySettings;
import io.vask.gateway.channel.FrameEncoder;
import io.vask.gateway.channel.Loops;
import io.vask.gateway.channel.Session;
import io.vask.gateway.connection.Admission;
import io.vask.gateway.connection.Departure;
import io.vask.gateway.connection.InboundMessages;
import io.vask.gateway.console.Console;
import io.vask.gateway.httpapi.ApiRouter;
import io.vask.gateway.limit.ClientAddresses;
import io.vask.gateway.limit.LimitSettings;
import io.vask.gateway.limit.Refusals;
import io.vask.gateway.metrics.GatewayMetrics;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty runtime: one event-loop group (epoll when available) for both ports, the main port
 * (WebSocket + HTTP API) and the metrics port. Write-buffer water marks make slow sockets visible
 * as unwritable; the slow-consumer policy in {@link Connection} acts on it.
 */
public final class NettyServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NettyServer.class);
  private final GatewaySettings settings;
  private final GatewayMetrics metrics;
  private final EventLoopGroup group;
  private final NettyLoops loops;
  private final Class<? extends ServerChannel> channelType;
  private final ConnectionTracker connections = new ConnectionTracker();
  private Channel mainChannel;
  private Channel metricsChannel;
  private Drain drain;

  /** Creates the event loops and registers Netty's own memory gauge; nothing listens yet. */
  public NettyServer(GatewaySettings settings, GatewayMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(), io);
    this.channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    this.loops = new NettyLoops(group);
    metrics.gauge(
        "vask_netty_direct_used_bytes",
        "Direct memory held by Netty's allocator",
        PlatformDependent::usedDirectMemory);
    new NettyAllocatorMetrics(PooledByteBufAllocator.DEFAULT).bindTo(metrics.registry);
  }

  public Loops loops() {
    return loops;
  }

  public FrameEncoder frameEncoder() {
    return SharedFrame.encoder(PooledByteBufAllocator.DEFAULT);
  }

  /**
   * Binds both ports, handing connections to the Pusher use cases, {@code /apps/**} to the API and
   * {@code /console/**} to the debug console; returns when they accept connections.
   */
  public void start(
      Admission admission,
      InboundMessages messages,
      Departure departure,
      ApiRouter api,
      Console console,
      Readiness readiness,
      LimitSettings limits,
      Refusals refusals)
      throws InterruptedException {
    WebSocketPipeline webSockets =
        new WebSocketPipeline(
            messages, departure, metrics, connections, settings.pongTimeoutSeconds() * 1000L);
    WebSocketUpgrade upgrade =
        new WebSocketUpgrade(
            admission,
            webSockets,
            loops,
            metrics,
            connections,
            SlowConsumerPolicy.of(settings),
            new ClientAddresses(limits.trustedProxies()));
    GatewayInitializer initializer =
        new GatewayInitializer(
            upgrade,
            api,
            new ConsoleRoutes(console),
            metrics,
            settings.maxBodyBytes(),
            sslContext(),
            limits,
            refusals);
    mainChannel = bindMain(initializer);
    metricsChannel = bindMetrics(readiness);
    drain = new Drain(readiness, connections);
    LOG.info(
        "listening on {} (WebSocket + HTTP API) and {} (metrics), {} I/O threads, {}",
        port(),
        metricsPort(),
        loops.count(),
        channelType.getSimpleName());
  }

  private Channel bindMain(GatewayInitializer initializer) throws InterruptedException {
    int lowWater = (int) Math.min(Integer.MAX_VALUE / 2, settings.maxPendingBytes() / 2);
    int highWater = (int) Math.min(Integer.MAX_VALUE, settings.maxPendingBytes() * 3 / 4);
    return new ServerBootstrap()
        .group(group)
        .channel(channelType)
        .option(ChannelOption.SO_BACKLOG, 4096)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
        .childOption(
            ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(lowWater, highWater))
        .childHandler(initializer)
        .bind(settings.host(), settings.port())
        .sync()
        .channel();
  }

  private Channel bindMetrics(Readiness readiness) throws InterruptedException {
    return new ServerBootstrap()
        .group(group)
        .channel(channelType)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                    .addLast(new HttpServerCodec())
                    .addLast(new JsonAggregator(65_536))
                    .addLast(new MetricsHandler(metrics, readiness));
              }
            })
        .bind(settings.host(), settings.metricsPort())
        .sync()
        .channel();
  }

  /** The sessions of every established connection, for the apps-reload check. */
  public List<Session> sessions() {
    return connections.snapshot().stream()
        .map(Connection::session)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  public int port() {
    return ((InetSocketAddress) mainChannel.localAddress()).getPort();
  }

  public int metricsPort() {
    return ((InetSocketAddress) metricsChannel.localAddress()).getPort();
  }

  /** Readiness off, then every socket closed with 4200 in batches over {@code seconds}. */
  public void drain(int seconds) {
    if (drain != null) {
      drain.run(seconds);
    }
  }

  private SslContext sslContext() {
    if (settings.tlsCert() == null) {
      return null;
    }
    try {
      return SslContextBuilder.forServer(settings.tlsCert().toFile(), settings.tlsKey().toFile())
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException(
          "cannot load VASK_TLS_CERT/VASK_TLS_KEY: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (mainChannel != null) {
      mainChannel.close().syncUninterruptibly();
    }
    if (metricsChannel != null) {
      metricsChannel.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
