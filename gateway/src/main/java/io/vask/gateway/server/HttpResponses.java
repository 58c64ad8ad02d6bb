package io.vask.gateway.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.vask.gateway.httpapi.ApiResponse;
import java.nio.charset.StandardCharsets;

/** Writes plain HTTP responses, honouring keep-alive. */
final class HttpResponses {
  private HttpResponses() {}

  static void send(
      ChannelHandlerContext ctx, boolean keepAlive, ApiResponse answer, String contentType) {
    FullHttpResponse response = response(answer, contentType);
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static FullHttpResponse response(ApiResponse answer, String contentType) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(answer.status()),
            Unpooled.wrappedBuffer(answer.body().getBytes(StandardCharsets.UTF_8)));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    HttpUtil.setContentLength(response, response.content().readableBytes());
    if (answer.retryAfterSeconds() > 0) {
      response.headers().set(HttpHeaderNames.RETRY_AFTER, answer.retryAfterSeconds());
    }
    return response;
  }

  /** A JSON answer saying the connection closes, which the caller does once the request ended. */
  static void jsonBeforeClose(ChannelHandlerContext ctx, ApiResponse answer) {
    FullHttpResponse response = response(answer, "application/json");
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response);
  }

  static void json(ChannelHandlerContext ctx, boolean keepAlive, ApiResponse answer) {
    send(ctx, keepAlive, answer, "application/json");
  }

  /** A 200 with {@code content}: the console's static files (headers: type, caching, policy). */
  static void file(
      ChannelHandlerContext ctx,
      boolean keepAlive,
      byte[] content,
      java.util.Map<String, String> headers) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(content));
    headers.forEach(response.headers()::set);
    HttpUtil.setContentLength(response, content.length);
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** The head of a 200 whose body follows in chunks until the connection closes. */
  static void streamHead(ChannelHandlerContext ctx, String contentType) {
    io.netty.handler.codec.http.HttpResponse head =
        new io.netty.handler.codec.http.DefaultHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, contentType)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    ctx.write(head);
  }
}
