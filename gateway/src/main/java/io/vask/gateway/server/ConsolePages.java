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
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's static files, read once from the classpath ({@code console/} in the gateway's
 * resources): plain ES modules, CSS and HTML, nothing from a CDN.
 */
final class ConsolePages {
  private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9_-]*\\.(html|js|css|svg)");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml");
  private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

  /** Serves {@code name} (a file of the console directory); false when there is no such file. */
  boolean serve(ChannelHandlerContext ctx, boolean keepAlive, String name) {
    String file = name.isEmpty() ? "index.html" : name;
    if (!FILE.matcher(file).matches()) {
      return false;
    }
    Optional<byte[]> content = files.computeIfAbsent(file, ConsolePages::load);
    if (content.isEmpty()) {
      return false;
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(content.get()));
    String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    // the page runs only its own scripts and talks only to this gateway
    response
        .headers()
        .set(
            "Content-Security-Policy",
            "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    response.headers().set("Referrer-Policy", "no-referrer");
    HttpUtil.setContentLength(response, content.get().length);
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
    return true;
  }

  private static Optional<byte[]> load(String file) {
    try (InputStream in = ConsolePages.class.getResourceAsStream("/console/" + file)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
