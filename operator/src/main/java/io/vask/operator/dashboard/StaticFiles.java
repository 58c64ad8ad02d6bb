package io.vask.operator.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** The page's files, from the classpath folder {@code dashboard/}: a fixed list, nothing else. */
final class StaticFiles {
  record File(String contentType, byte[] bytes) {}

  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html",
          "/index.html", "index.html",
          "/dashboard.js", "dashboard.js",
          "/api.js", "api.js",
          "/dashboard.css", "dashboard.css");

  private StaticFiles() {}

  static Optional<File> find(String path) {
    String name = FILES.get(path);
    if (name == null) {
      return Optional.empty();
    }
    try (InputStream in = StaticFiles.class.getResourceAsStream("/dashboard/" + name)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new File(contentType(name), in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return "text/css; charset=utf-8";
  }
}
