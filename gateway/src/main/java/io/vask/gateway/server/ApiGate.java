package io.vask.gateway.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vask.gateway.httpapi.ApiCallLog;
import io.vask.gateway.httpapi.ApiRouter;
import io.vask.gateway.metrics.GatewayMetrics;
import java.util.Optional;

/**
 * Decides an HTTP API request from its request line, before the aggregator reads its body: an
 * unknown app, a bad key, timestamp or signature, a disabled app or one over its request rate is
 * answered at once, its body discarded as it arrives (never aggregated) and the connection closed.
 * Everything else goes on to the aggregator and the router, which checks the body's MD5.
 */
final class ApiGate extends ChannelInboundHandlerAdapter {
  private final ApiRouter api;
  private final GatewayMetrics metrics;
  private boolean discarding;

  ApiGate(ApiRouter api, GatewayMetrics metrics) {
    this.api = api;
    this.metrics = metrics;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (discarding) {
      discard(ctx, msg);
      return;
    }
    if (msg instanceof HttpRequest request
        && request.decoderResult().isSuccess()
        && request.uri().startsWith("/apps/")
        && !request.headers().contains(HttpHeaderNames.UPGRADE)) {
      Optional<ApiRouter.Outcome> refused = refusal(request);
      if (refused.isPresent()) {
        ApiRouter.Outcome outcome = refused.get();
        metrics.httpRequest(outcome.appId(), outcome.endpoint(), outcome.response().status());
        logRefusal(request, outcome);
        HttpResponses.jsonBeforeClose(ctx, outcome.response());
        discarding = true;
        discard(ctx, msg);
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  /**
   * Drops what is left of a refused request, then closes: the client, still writing, reads the
   * answer rather than a reset. The request deadline bounds how long that may take.
   */
  private void discard(ChannelHandlerContext ctx, Object msg) {
    boolean last = msg instanceof LastHttpContent;
    ReferenceCountUtil.release(msg);
    if (last) {
      discarding = false;
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static void logRefusal(HttpRequest request, ApiRouter.Outcome outcome) {
    String uri = request.uri();
    int q = uri.indexOf('?');
    ApiCallLog.answered(
        request.method().name(),
        q < 0 ? uri : uri.substring(0, q),
        q < 0 ? "" : uri.substring(q + 1),
        outcome.appId(),
        outcome.response().status());
  }

  private Optional<ApiRouter.Outcome> refusal(HttpRequest request) {
    String uri = request.uri();
    int q = uri.indexOf('?');
    return api.admit(
        request.method().name(),
        q < 0 ? uri : uri.substring(0, q),
        q < 0 ? "" : uri.substring(q + 1));
  }
}
