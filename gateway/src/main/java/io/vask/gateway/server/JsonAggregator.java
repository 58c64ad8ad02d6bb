package io.vask.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.vask.gateway.httpapi.ApiError;
import io.vask.gateway.httpapi.ApiResponse;

/**
 * Aggregates HTTP requests up to the body cap; a larger body gets a JSON 413. On a keep-alive
 * connection the rest of the body is read and discarded (the aggregator does that after this
 * answer), so a client still writing its body reads the 413 instead of a connection reset.
 */
final class JsonAggregator extends HttpObjectAggregator {
  JsonAggregator(int maxBodyBytes) {
    super(maxBodyBytes);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    if (oversized instanceof HttpRequest) {
      boolean keepAlive =
          !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(oversized);
      HttpResponses.json(
          ctx, keepAlive, ApiResponse.error(ApiError.BODY_TOO_LARGE, maxContentLength()));
    } else {
      ctx.close();
    }
  }
}
