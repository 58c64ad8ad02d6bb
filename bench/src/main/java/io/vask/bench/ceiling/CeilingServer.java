package io.vask.bench.ceiling;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.EventExecutor;
import io.vask.bench.client.Transports;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Runs the ceiling server on one port with one event loop per available core. */
public final class CeilingServer implements AutoCloseable {
  private final EventLoopGroup group;
  private final Channel server;

  private CeilingServer(EventLoopGroup group, Channel server) {
    this.group = group;
    this.server = server;
  }

  public static CeilingServer start(String host, int port) throws InterruptedException {
    EventLoopGroup group = Transports.group(Runtime.getRuntime().availableProcessors());
    List<CeilingLoop> loops = new ArrayList<>();
    Map<Object, CeilingLoop> byLoop = new IdentityHashMap<>();
    for (EventExecutor executor : group) {
      CeilingLoop loop = new CeilingLoop((EventLoop) executor);
      loops.add(loop);
      byLoop.put(executor, loop);
    }
    CeilingChannels channels = new CeilingChannels(loops);
    Channel server =
        new ServerBootstrap()
            .group(group)
            .channel(Transports.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 4096)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(1 << 20))
                        .addLast(new CeilingHttp(channels, byLoop));
                  }
                })
            .bind(host, port)
            .sync()
            .channel();
    return new CeilingServer(group, server);
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  public void awaitClose() throws InterruptedException {
    server.closeFuture().sync();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully().syncUninterruptibly();
  }
}
