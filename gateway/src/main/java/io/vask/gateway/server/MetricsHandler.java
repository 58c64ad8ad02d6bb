package io.vask.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.vask.gateway.httpapi.ApiError;
import io.vask.gateway.httpapi.ApiResponse;
import io.vask.gateway.metrics.GatewayMetrics;

/** The metrics port: {@code /metrics} (Prometheus), {@code /healthz} (liveness), {@code /ready}. */
final class MetricsHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final GatewayMetrics metrics;
  private final Readiness readiness;

  MetricsHandler(GatewayMetrics metrics, Readiness readiness) {
    this.metrics = metrics;
    this.readiness = readiness;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    String path = request.uri().split("\\?", 2)[0];
    switch (path) {
      case "/metrics" ->
          HttpResponses.send(
              ctx,
              keepAlive,
              ApiResponse.ok(metrics.scrape()),
              "text/plain; version=0.0.4; charset=utf-8");
      case "/healthz" -> HttpResponses.json(ctx, keepAlive, ApiResponse.ok("{\"status\":\"ok\"}"));
      case "/ready" -> {
        boolean ready = readiness.ready();
        HttpResponses.json(
            ctx,
            keepAlive,
            ApiResponse.readiness(
                ready, "{\"ready\":" + ready + ",\"reason\":\"" + readiness.reason() + "\"}"));
      }
      default -> HttpResponses.json(ctx, keepAlive, ApiResponse.error(ApiError.NOT_FOUND));
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
