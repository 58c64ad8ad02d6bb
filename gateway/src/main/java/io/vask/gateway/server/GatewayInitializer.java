package io.vask.gateway.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.vask.gateway.httpapi.ApiRouter;
import io.vask.gateway.limit.LimitSettings;
import io.vask.gateway.limit.Refusals;
import io.vask.gateway.metrics.GatewayMetrics;

/**
 * The main port's pipeline, in order: TLS (when configured) → HTTP codec → API gate (key,
 * timestamp, signature and request rate of {@code /apps/**} from the request line, before the body
 * is read) → aggregator (JSON 413 past the body cap) → request deadline (the handshake timeout from
 * the accept, then the keep-alive idle timeout) → router. A WebSocket upgrade then turns it into
 * the pipeline {@link WebSocketPipeline} lists: WebSocket codec → frame aggregator → liveness →
 * Pusher handler.
 */
final class GatewayInitializer extends ChannelInitializer<SocketChannel> {
  private final WebSocketUpgrade upgrade;
  private final ApiRouter api;
  private final ConsoleRoutes console;
  private final GatewayMetrics metrics;
  private final int maxBodyBytes;
  private final SslContext ssl;
  private final LimitSettings limits;
  private final Refusals refusals;

  GatewayInitializer(
      WebSocketUpgrade upgrade,
      ApiRouter api,
      ConsoleRoutes console,
      GatewayMetrics metrics,
      int maxBodyBytes,
      SslContext ssl,
      LimitSettings limits,
      Refusals refusals) {
    this.upgrade = upgrade;
    this.api = api;
    this.console = console;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.ssl = ssl;
    this.limits = limits;
    this.refusals = refusals;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    if (ssl != null) {
      pipeline.addLast("tls", ssl.newHandler(channel.alloc()));
    }
    pipeline.addLast("http", new HttpServerCodec(4096, 8192, 8192));
    pipeline.addLast("api-gate", new ApiGate(api, metrics));
    pipeline.addLast("aggregator", new JsonAggregator(maxBodyBytes));
    pipeline.addLast(
        RequestDeadline.NAME,
        new RequestDeadline(
            limits.handshakeTimeoutMillis(), limits.httpIdleTimeoutMillis(), refusals));
    pipeline.addLast("router", new HttpRouter(upgrade, api, console, metrics, ssl != null));
  }
}
