package io.vask.gateway.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vask.contract.AppSettings;
import io.vask.gateway.console.Console;
import io.vask.gateway.console.Watcher;
import io.vask.gateway.httpapi.ApiError;
import io.vask.gateway.httpapi.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@code /console/**} on the main port: the pages, and the page's API authorized by a console token
 * in {@code Authorization: Bearer}: {@code GET api/stream} (the app's debug records as server-sent
 * events), {@code GET api/stats} (live connections and channels), {@code GET api/channels}, {@code
 * POST api/events}.
 */
final class ConsoleRoutes {
  static final String PREFIX = "/console";
  private final Console console;
  private final ConsolePages pages = new ConsolePages();

  ConsoleRoutes(Console console) {
    this.console = console;
  }

  static boolean matches(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }

  void handle(ChannelHandlerContext ctx, FullHttpRequest request, String path, boolean keepAlive) {
    String rest = path.length() <= PREFIX.length() ? "" : path.substring(PREFIX.length() + 1);
    String method = request.method().name();
    if (!rest.startsWith("api/")) {
      if (!method.equals("GET") || !pages.serve(ctx, keepAlive, rest)) {
        HttpResponses.json(ctx, keepAlive, ApiResponse.error(ApiError.PATH_NOT_FOUND, path));
      }
      return;
    }
    Optional<AppSettings> app = console.authorize(bearer(request));
    if (app.isEmpty()) {
      HttpResponses.json(ctx, keepAlive, ApiResponse.error(ApiError.CONSOLE_TOKEN_INVALID));
      return;
    }
    String call = method + " " + rest;
    switch (call) {
      case "GET api/stream" -> stream(ctx, app.get());
      case "GET api/stats" -> answer(ctx, keepAlive, console.stats(app.get()));
      case "GET api/channels" -> answer(ctx, keepAlive, console.channels(app.get()));
      case "POST api/events" ->
          answer(
              ctx, keepAlive, console.publish(app.get(), ByteBufUtil.getBytes(request.content())));
      default ->
          HttpResponses.json(ctx, keepAlive, ApiResponse.error(ApiError.PATH_NOT_FOUND, path));
    }
  }

  private static void answer(
      ChannelHandlerContext ctx, boolean keepAlive, CompletionStage<ApiResponse> response) {
    response.whenCompleteAsync(
        (answer, error) ->
            HttpResponses.json(
                ctx,
                keepAlive,
                error == null ? answer : ApiResponse.error(ApiError.INTERNAL_ERROR)),
        ctx.executor());
  }

  /**
   * Server-sent events until the page goes away: a {@code hello} record, then the app's records. A
   * socket that cannot keep up loses records rather than queueing them.
   */
  private void stream(ChannelHandlerContext ctx, AppSettings app) {
    HttpResponses.streamHead(ctx, "text/event-stream; charset=utf-8");
    send(ctx, "{\"type\":\"hello\",\"app\":\"" + app.id() + "\"}");
    Watcher watcher =
        console.watch(
            app,
            record -> {
              if (ctx.channel().isWritable()) {
                send(ctx, record);
              }
            });
    ctx.channel().closeFuture().addListener(f -> console.unwatch(watcher));
  }

  private static void send(ChannelHandlerContext ctx, String record) {
    byte[] line = ("data: " + record + "\n\n").getBytes(StandardCharsets.UTF_8);
    ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(line)));
  }

  private static String bearer(FullHttpRequest request) {
    String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    return header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
  }
}
