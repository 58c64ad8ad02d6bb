package io.vask.gateway.server;

import io.netty.channel.ChannelHandlerContext;
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
    String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
    // the page runs only its own scripts and talks only to this gateway
    HttpResponses.file(
        ctx,
        keepAlive,
        content.get(),
        Map.of(
            "Content-Type",
            type,
            "Cache-Control",
            "no-cache",
            "Content-Security-Policy",
            "default-src 'self'; connect-src 'self'; img-src 'self' data:;"
                + " frame-ancestors 'none'",
            "Referrer-Policy",
            "no-referrer"));
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
