package io.vask.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.vask.gateway.httpapi.ApiResponse;

/** Aggregates HTTP requests up to the body cap; a larger body gets a JSON 413 and a close. */
final class JsonAggregator extends HttpObjectAggregator {
  JsonAggregator(int maxBodyBytes) {
    super(maxBodyBytes);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    if (oversized instanceof HttpRequest) {
      HttpResponses.json(
          ctx,
          false,
          413,
          ApiResponse.error(413, "Request body is larger than " + maxContentLength() + " bytes")
              .body());
    } else {
      ctx.close();
    }
  }
}
