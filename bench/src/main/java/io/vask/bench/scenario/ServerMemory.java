package io.vask.bench.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server JVM's memory: heap used after a full GC (jcmd GC.run, GC.heap_info), Netty's direct
 * memory (the gateway's /metrics), and the process RSS (/proc). Unknown parts are -1.
 */
record ServerMemory(long heapAfterGc, long direct, long rss) {
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
  private static final Pattern DIRECT =
      Pattern.compile("(?m)^vask_netty_direct_used_bytes(?:\\{[^}]*})? ([0-9.eE+-]+)$");

  static ServerMemory of(long pid, int metricsPort) throws InterruptedException {
    jcmd(pid, "GC.run");
    jcmd(pid, "GC.run");
    Matcher heap = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
    return new ServerMemory(
        heap.find() ? Long.parseLong(heap.group(1)) * 1024 : -1, direct(metricsPort), rss(pid));
  }

  private static String jcmd(long pid, String command) throws InterruptedException {
    try {
      Process process =
          new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static long direct(int metricsPort) throws InterruptedException {
    if (metricsPort <= 0) {
      return -1;
    }
    try {
      String body =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = DIRECT.matcher(body);
      return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not on Linux, or the process is gone
    }
    return -1;
  }
}
