package io.vask.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.gateway.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A raw WebSocket client for gateway tests: records every text frame and the close code, and waits
 * for frames matching a predicate (never sleeps).
 */
public final class TestSocket implements AutoCloseable {
  private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private TestSocket(URI uri) {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, new Listener())
            .join();
  }

  public static TestSocket connect(int port, String path) {
    return new TestSocket(URI.create("ws://127.0.0.1:" + port + path));
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next frame, whatever it is; fails after 10 s. */
  public JsonNode next() {
    return await(frame -> true, "of any kind");
  }

  /** The next frame with this event name; fails after 10 s. */
  public JsonNode await(String event) {
    return await(frame -> event.equals(frame.path("event").asText()), event);
  }

  public JsonNode await(Predicate<JsonNode> match, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      while (System.nanoTime() < deadline) {
        JsonNode frame = frames.poll(100, TimeUnit.MILLISECONDS);
        if (frame != null && match.test(frame)) {
          return frame;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no frame " + what + " within 10 s");
  }

  /** The socket id from {@code pusher:connection_established}. */
  public String socketId() {
    JsonNode established = await("pusher:connection_established");
    return Json.parse(established.get("data").asText()).orElseThrow().get("socket_id").asText();
  }

  /** The close code the server sent; fails after {@code seconds}. */
  public int closeCode(int seconds) {
    try {
      return closed.get(seconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("socket not closed within " + seconds + " s", e);
    }
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        Json.parse(partial.toString()).ifPresent(frames::add);
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }
}
