package io.vask.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.gateway.testing.HangingReceiver;
import io.vask.gateway.testing.JarProcess;
import io.vask.gateway.testing.NatsServer;
import io.vask.gateway.testing.TestSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's measured outage, as a pod runs it: a gateway process ({@code -Xmx1g}) whose app sends
 * webhooks to a port nobody listens on and to a receiver that accepts and never answers, under a
 * steady stream of occupied/vacated transitions. The backlog never passes its bound, the live heap
 * after a full GC grows by no more than that bound (plus a margin), RSS grows by less than 256 MB,
 * and every request is accounted for: made = sent + dropped + still in the backlog.
 */
class WebhookBacklogBoundIT {
  private static final long BACKLOG_BYTES = 4L << 20;
  private static final long MARGIN_BYTES = 32L << 20;
  private static final long RSS_GROWTH_LIMIT = 256L << 20;
  private static final int SOCKETS = 8;
  private static final int CYCLES_PER_SOCKET = 800;
  private static final int WARM_UP_CYCLES = 100;

  /** Long names make heavy requests: the channel name is in the body. */
  private static final String PREFIX = "hostile-" + "x".repeat(170) + "-";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aDeadAndAHangingReceiverCostBoundedMemoryAndEveryDropIsCounted(@TempDir Path dir)
      throws Exception {
    try (HangingReceiver hanging = new HangingReceiver()) {
      String dead = "http://127.0.0.1:" + NatsServer.freePort() + "/dead";
      int port = NatsServer.freePort();
      int metricsPort = NatsServer.freePort();
      Process gateway = start(dir, port, metricsPort, dead, hanging.url("/hang"));
      try {
        await().atMost(Duration.ofSeconds(60)).until(() -> !scrape(metricsPort).isEmpty());
        cycles(port, "warm", 1, WARM_UP_CYCLES);
        long heapBefore = liveHeapAfterGc(gateway.pid());
        long rssBefore = rss(gateway.pid());

        CompletableFuture<Void> load =
            CompletableFuture.runAsync(() -> cycles(port, "load", SOCKETS, CYCLES_PER_SOCKET));
        long maxBacklog = 0;
        while (!load.isDone()) {
          maxBacklog =
              Math.max(maxBacklog, value(scrape(metricsPort), "vask_webhooks_backlog_bytes"));
          Thread.sleep(200);
        }
        load.get();
        long events = 2L * (WARM_UP_CYCLES + SOCKETS * CYCLES_PER_SOCKET);
        // every vacated is decided after the 3 s grace: wait until each event made its 2 requests
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> value(scrape(metricsPort), "vask_webhooks_requests_total") == 2 * events);

        String metrics = scrape(metricsPort);
        long sent = sumOf(metrics, "vask_webhooks_sent_total");
        long dropped =
            value(metrics, "vask_webhooks_dropped_total{app=\"1\",reason=\"backlog_full\"}");
        long droppedAll = sumOf(metrics, "vask_webhooks_dropped_total");
        long waiting = value(metrics, "vask_webhooks_backlog_requests");
        assertThat(sent).isZero();
        assertThat(dropped).as("the bound was reached").isPositive();
        assertThat(sent + droppedAll + waiting).isEqualTo(2 * events);
        assertThat(value(metrics, "vask_webhooks_outbox_lost")).isZero();
        assertThat(Math.max(maxBacklog, value(metrics, "vask_webhooks_backlog_bytes")))
            .isLessThanOrEqualTo(BACKLOG_BYTES);
        assertThat(hanging.connections()).as("the hanging receiver was tried").isPositive();

        long heapGrowth = liveHeapAfterGc(gateway.pid()) - heapBefore;
        long rssGrowth = rss(gateway.pid()) - rssBefore;
        assertThat(heapGrowth).as("live heap growth").isLessThan(BACKLOG_BYTES + MARGIN_BYTES);
        assertThat(rssGrowth).as("RSS growth").isLessThan(RSS_GROWTH_LIMIT);
        System.out.printf(
            "webhook bound: %d requests, %d dropped, heap +%d KiB, RSS +%d KiB%n",
            2 * events, droppedAll, heapGrowth >> 10, rssGrowth >> 10);
      } finally {
        gateway.destroy();
        if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
          gateway.destroyForcibly();
        }
      }
    }
  }

  private static Process start(Path dir, int port, int metricsPort, String dead, String hanging)
      throws Exception {
    Path apps = dir.resolve("apps.json");
    Files.writeString(
        apps,
        """
        {"apps": [{"id": "1", "key": "key", "secret": "secret", "batchWebhooks": false,
          "webhooks": [
            {"url": "%s", "events": ["channel_occupied", "channel_vacated"]},
            {"url": "%s", "events": ["channel_occupied", "channel_vacated"]}]}]}
        """
            .formatted(dead, hanging));
    return JarProcess.start(
        dir.resolve("gateway.log"),
        Map.of(
            "VASK_HOST", "127.0.0.1",
            "VASK_PORT", Integer.toString(port),
            "VASK_METRICS_PORT", Integer.toString(metricsPort),
            "VASK_APPS_FILE", apps.toString(),
            "VASK_DRAIN_SECONDS", "0",
            "VASK_WEBHOOK_BACKLOG_BYTES", Long.toString(BACKLOG_BYTES),
            // the load is subscribe/unsubscribe as fast as answers come: above the per-socket rate
            "VASK_SUBSCRIBES_PER_SECOND", "100000"),
        List.of("-Xmx1g", "-XX:+UseG1GC"));
  }

  /** Each socket subscribes to fresh channels and leaves them: one occupied, one vacated each. */
  private static void cycles(int port, String tag, int sockets, int perSocket) {
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int s = 0; s < sockets; s++) {
      int socket = s;
      all.add(
          CompletableFuture.runAsync(
              () -> {
                try (TestSocket client = TestSocket.connect(port, "/app/key?protocol=7")) {
                  client.await("pusher:connection_established");
                  for (int i = 0; i < perSocket; i++) {
                    String channel = PREFIX + tag + "-" + socket + "-" + i;
                    client.send(frame("pusher:subscribe", channel));
                    client.await("pusher_internal:subscription_succeeded");
                    client.send(frame("pusher:unsubscribe", channel));
                  }
                }
              }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
  }

  private static String frame(String event, String channel) {
    return "{\"event\":\"" + event + "\",\"data\":{\"channel\":\"" + channel + "\"}}";
  }

  private String scrape(int metricsPort) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      return "";
    }
  }

  /** The value of one series, exactly as named (labels included); 0 when absent. */
  private static long value(String scrape, String series) {
    for (String line : scrape.split("\n")) {
      if (line.startsWith(series + " ")) {
        return (long) Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return 0;
  }

  /** The sum over every labelled series of a family. */
  private static long sumOf(String scrape, String family) {
    long sum = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(family + "{")) {
        sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private static long rss(long pid) throws Exception {
    Matcher kb =
        Pattern.compile("VmRSS:\\s+(\\d+) kB")
            .matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    assertThat(kb.find()).isTrue();
    return Long.parseLong(kb.group(1)) << 10;
  }

  /** Heap in use right after a full GC of the gateway process ({@code jcmd}). */
  private static long liveHeapAfterGc(long pid) throws Exception {
    jcmd(pid, "GC.run");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
    assertThat(used.find()).isTrue();
    return Long.parseLong(used.group(1)) << 10;
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid),
                command)
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
