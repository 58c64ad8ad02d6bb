package io.vask.cli.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.cli.CliException;
import io.vask.cli.ExitCodes;
import io.vask.cli.config.Endpoint;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A WebSocket client that subscribes like pusher-js and prints every channel event as one JSON line
 * on {@code out}. {@link #done} completes with an exit code: OK after {@code count} events,
 * CONNECTION when the server refuses a subscription or closes the connection.
 */
public final class ChannelTail implements WebSocket.Listener {
  private final List<String> channels;
  private final ChannelAuthorizer authorizer;
  private final Optional<String> presenceData;
  private final int count;
  private final PrintStream out;
  private final PrintStream err;
  private final CompletableFuture<Integer> done = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private int received;

  /**
   * @param presenceData the {@code channel_data} JSON for presence channels, when a user is given
   * @param count events to print before {@link #done} completes; 0 for no limit
   */
  public ChannelTail(
      Endpoint endpoint,
      List<String> channels,
      Optional<String> presenceData,
      int count,
      PrintStream out,
      PrintStream err) {
    this.channels = List.copyOf(channels);
    this.authorizer = new ChannelAuthorizer(endpoint.key(), endpoint.secret());
    this.presenceData = presenceData;
    this.count = count;
    this.out = out;
    this.err = err;
  }

  /** Connects; an unreachable server or a refused upgrade is a connection error. */
  public WebSocket connect(Endpoint endpoint) {
    try {
      return HttpClient.newHttpClient()
          .newWebSocketBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .buildAsync(endpoint.webSocket(), this)
          .join();
    } catch (CompletionException e) {
      throw CliException.connection(
          "cannot connect to " + endpoint.webSocket() + ": " + e.getCause(), e.getCause());
    }
  }

  public CompletableFuture<Integer> done() {
    return done;
  }

  @Override
  public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      handle(socket, Json.parse(text, "a server frame"));
    }
    socket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
    fail("the server closed the connection: " + statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket socket, Throwable error) {
    fail("connection error: " + error);
  }

  private void handle(WebSocket socket, JsonNode frame) {
    String event = frame.path("event").asText();
    String channel = frame.path("channel").asText();
    switch (event) {
      case "pusher:connection_established" -> subscribeAll(socket, socketId(frame));
      case "pusher:ping" -> socket.sendText("{\"event\":\"pusher:pong\",\"data\":{}}", true);
      case "pusher_internal:subscription_succeeded" ->
          err.println("vask tail: subscribed to " + channel);
      case "pusher:subscription_error" ->
          fail("subscription to " + channel + " refused: " + frame.path("data"));
      case "pusher:error" -> fail("the server refused: " + errorText(frame.path("data")));
      default -> {
        if (frame.hasNonNull("channel")) {
          print(frame);
        }
      }
    }
  }

  private void print(JsonNode frame) {
    synchronized (out) {
      out.println(Json.write(frame));
      out.flush();
    }
    received++;
    if (count > 0 && received >= count) {
      done.complete(ExitCodes.OK);
    }
  }

  private void subscribeAll(WebSocket socket, String socketId) {
    for (String channel : channels) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("channel", channel);
      if (ChannelAuthorizer.needsAuth(channel)) {
        Optional<String> channelData =
            ChannelAuthorizer.isPresence(channel) ? presenceData : Optional.empty();
        data.put("auth", authorizer.auth(socketId, channel, channelData));
        channelData.ifPresent(json -> data.put("channel_data", json));
      }
      socket.sendText(Json.write(Map.of("event", "pusher:subscribe", "data", data)), true).join();
    }
  }

  private static String errorText(JsonNode data) {
    JsonNode parsed = data.isTextual() ? Json.parse(data.asText(), "error data") : data;
    JsonNode code = parsed.path("code");
    return parsed.path("message").asText()
        + (code.isNumber() ? " (code " + code.asInt() + ")" : "");
  }

  private static String socketId(JsonNode frame) {
    JsonNode data = frame.path("data");
    JsonNode parsed = data.isTextual() ? Json.parse(data.asText(), "connection data") : data;
    return parsed.path("socket_id").asText();
  }

  private void fail(String message) {
    if (!done.isDone()) {
      err.println("vask: " + message);
      done.complete(ExitCodes.CONNECTION);
    }
  }
}
