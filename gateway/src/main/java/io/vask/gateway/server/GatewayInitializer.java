package io.vask.gateway.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.vask.gateway.httpapi.ApiRouter;
import io.vask.gateway.metrics.GatewayMetrics;

/**
 * The main port's pipeline, in order: TLS (when configured) → HTTP codec → aggregator (JSON 413
 * past the body cap) → router. A WebSocket upgrade then turns it into the pipeline {@link
 * WebSocketPipeline} lists: WebSocket codec → frame aggregator → liveness → Pusher handler.
 */
final class GatewayInitializer extends ChannelInitializer<SocketChannel> {
  private final WebSocketUpgrade upgrade;
  private final ApiRouter api;
  private final GatewayMetrics metrics;
  private final int maxBodyBytes;
  private final SslContext ssl;

  GatewayInitializer(
      WebSocketUpgrade upgrade,
      ApiRouter api,
      GatewayMetrics metrics,
      int maxBodyBytes,
      SslContext ssl) {
    this.upgrade = upgrade;
    this.api = api;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.ssl = ssl;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    if (ssl != null) {
      pipeline.addLast("tls", ssl.newHandler(channel.alloc()));
    }
    pipeline.addLast("http", new HttpServerCodec(4096, 8192, 8192));
    pipeline.addLast("aggregator", new JsonAggregator(maxBodyBytes));
    pipeline.addLast("router", new HttpRouter(upgrade, api, metrics, ssl != null));
  }
}
