package io.vask.gateway.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;

/**
 * The main port's pipeline, in order: TLS (when configured) → HTTP codec → aggregator (JSON 413
 * past the body cap) → router. A WebSocket upgrade then swaps the HTTP handlers for the WebSocket
 * codec, the frame aggregator, the liveness check and the Pusher handler (see {@link
 * WebSocketUpgrade}).
 */
final class GatewayInitializer extends ChannelInitializer<SocketChannel> {
  private final ServerContext context;
  private final WebSocketUpgrade upgrade;
  private final SslContext ssl;

  GatewayInitializer(ServerContext context, NettyLoops loops, SslContext ssl) {
    this.context = context;
    this.upgrade = new WebSocketUpgrade(context, loops);
    this.ssl = ssl;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    if (ssl != null) {
      pipeline.addLast("tls", ssl.newHandler(channel.alloc()));
    }
    pipeline.addLast("http", new HttpServerCodec(4096, 8192, 8192));
    pipeline.addLast("aggregator", new JsonAggregator(context.settings().maxBodyBytes()));
    pipeline.addLast("router", new HttpRouter(context, upgrade, ssl != null));
  }
}
