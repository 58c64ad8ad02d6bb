package io.vask.gateway.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpUtil;
import io.vask.gateway.httpapi.ApiCallLog;
import io.vask.gateway.httpapi.ApiError;
import io.vask.gateway.httpapi.ApiRequest;
import io.vask.gateway.httpapi.ApiResponse;
import io.vask.gateway.httpapi.ApiRouter;
import io.vask.gateway.metrics.GatewayMetrics;

/**
 * The first handler of every request on the main port: WebSocket upgrades go to {@link
 * WebSocketUpgrade}, {@code /apps/**} to the HTTP API, {@code /console/**} to the debug console,
 * anything else gets a JSON 404.
 */
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final WebSocketUpgrade upgrade;
  private final ApiRouter api;
  private final ConsoleRoutes console;
  private final GatewayMetrics metrics;
  private final boolean tls;

  HttpRouter(
      WebSocketUpgrade upgrade,
      ApiRouter api,
      ConsoleRoutes console,
      GatewayMetrics metrics,
      boolean tls) {
    this.upgrade = upgrade;
    this.api = api;
    this.console = console;
    this.metrics = metrics;
    this.tls = tls;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!request.decoderResult().isSuccess()) {
      HttpResponses.json(ctx, false, ApiResponse.error(ApiError.MALFORMED_REQUEST));
      return;
    }
    String uri = request.uri();
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    if (isUpgrade(request)) {
      upgrade.upgrade(ctx, request, tls);
      return;
    }
    if (ConsoleRoutes.matches(path)) {
      console.handle(ctx, request, path, keepAlive);
      return;
    }
    if (path.startsWith("/app/")) {
      HttpResponses.json(ctx, keepAlive, ApiResponse.error(ApiError.UPGRADE_REQUIRED));
      return;
    }
    if (!path.startsWith("/apps/")) {
      HttpResponses.json(ctx, keepAlive, ApiResponse.error(ApiError.PATH_NOT_FOUND, path));
      return;
    }
    ApiRequest api =
        new ApiRequest(
            request.method().name(),
            path,
            q < 0 ? "" : uri.substring(q + 1),
            ByteBufUtil.getBytes(request.content()));
    this.api
        .handle(api)
        .whenCompleteAsync(
            (outcome, error) -> {
              ApiResponse response =
                  error == null ? outcome.response() : ApiResponse.error(ApiError.INTERNAL_ERROR);
              String endpoint = error == null ? outcome.endpoint() : "unknown";
              String app = error == null ? outcome.appId() : GatewayMetrics.NO_APP;
              metrics.httpRequest(app, endpoint, response.status());
              ApiCallLog.answered(api.method(), path, api.rawQuery(), app, response.status());
              HttpResponses.json(ctx, keepAlive, response);
            },
            ctx.executor());
  }

  private static boolean isUpgrade(FullHttpRequest request) {
    return request
            .headers()
            .containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
        // only a WebSocket upgrade: an HTTP/2 offer (Upgrade: h2c, sent by java.net.http and
        // curl) is ignored and the request served as HTTP/1.1, as RFC 9110 §7.8 allows
        && request
            .headers()
            .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
