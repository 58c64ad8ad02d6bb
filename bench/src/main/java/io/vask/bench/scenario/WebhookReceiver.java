package io.vask.bench.scenario;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook receiver of the webhooks scenario, in the bench JVM: counts requests and the events
 * they carry (one {@code "name":} per event), and answers 200 at once or, while slow, after a delay
 * (with few threads, so a slow receiver is also a narrow one).
 */
final class WebhookReceiver implements AutoCloseable {
  private static final byte[] NAME = "\"name\":".getBytes(StandardCharsets.US_ASCII);
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  final AtomicLong requests = new AtomicLong();
  final AtomicLong events = new AtomicLong();
  final AtomicLong firstAt = new AtomicLong();
  final AtomicLong lastAt = new AtomicLong();
  private volatile long delayMillis;

  WebhookReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  void delay(long millis) {
    delayMillis = millis;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    long now = System.nanoTime();
    firstAt.compareAndSet(0, now);
    lastAt.set(now);
    requests.incrementAndGet();
    events.addAndGet(count(body));
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis); // the slow receiver being simulated
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  private static int count(byte[] body) {
    int n = 0;
    for (int i = 0; i + NAME.length <= body.length; i++) {
      int j = 0;
      while (j < NAME.length && body[i + j] == NAME[j]) {
        j++;
      }
      if (j == NAME.length) {
        n++;
        i += NAME.length - 1;
      }
    }
    return n;
  }

  /** Events per second between the first and the last request received; 0 with fewer than two. */
  double eventsPerSecond() {
    double seconds = (lastAt.get() - firstAt.get()) / 1e9;
    return seconds <= 0 ? 0 : Math.round(events.get() / seconds);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
