package io.vask.gateway.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vask.gateway.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A local webhook receiver on a free 127.0.0.1 port that records every request as it arrives. It
 * can answer the next requests with 500, or hold requests unanswered (a stalled receiver) until
 * released; release is final, so no test can leave a handler thread stuck.
 */
public final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Request> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger stallsLeft = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);

  /** One received request: path, headers (case-insensitive names) and raw body. */
  public record Request(String path, Headers headers, byte[] body) {
    public String header(String name) {
      return headers.getFirst(name);
    }

    public List<String> headerValues(String name) {
      List<String> values = headers.get(name);
      return values == null ? List.of() : values;
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      return Json.parse(body).orElseThrow(() -> new AssertionError("not JSON: " + bodyText()));
    }

    public List<JsonNode> events() {
      List<JsonNode> events = new ArrayList<>();
      json().get("events").forEach(events::add);
      return events;
    }
  }

  private WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  public static WebhookReceiver start() {
    try {
      return new WebhookReceiver();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the webhook receiver", e);
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next {@code n} requests are answered with 500 (after being recorded). */
  public void failNext(int n) {
    failuresLeft.set(n);
  }

  /** Requests from now on are recorded but left unanswered until {@link #release}. */
  public void stall() {
    stallNext(Integer.MAX_VALUE);
  }

  /** The next {@code n} requests are recorded but left unanswered until {@link #release}. */
  public void stallNext(int n) {
    stallsLeft.set(n);
  }

  /** Answers every held request; later requests are answered at once. */
  public void release() {
    stallsLeft.set(0);
    released.countDown();
  }

  /** The requests answered with 200: what the sender may count as delivered. */
  public List<Request> accepted() {
    return List.copyOf(accepted);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Every event of every request so far, in arrival order. */
  public List<JsonNode> events() {
    List<JsonNode> events = new ArrayList<>();
    requests.forEach(request -> events.addAll(request.events()));
    return events;
  }

  public List<Request> awaitRequests(int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> requests.size() >= count);
    return requests();
  }

  /** Waits for an event matching {@code match} and returns it. */
  public JsonNode awaitEvent(Predicate<JsonNode> match) {
    await().atMost(Duration.ofSeconds(20)).until(() -> events().stream().anyMatch(match));
    return events().stream().filter(match).findFirst().orElseThrow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Headers headers = new Headers();
    headers.putAll(exchange.getRequestHeaders());
    Request request = new Request(exchange.getRequestURI().getPath(), headers, body);
    requests.add(request);
    if (stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      try {
        released.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
    if (status == 200) {
      accepted.add(request);
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    handlers.shutdownNow();
  }
}
