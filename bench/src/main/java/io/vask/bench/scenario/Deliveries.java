package io.vask.bench.scenario;

import io.netty.buffer.ByteBuf;
import io.vask.bench.client.FrameListener;
import io.vask.bench.client.LoadClient;
import io.vask.bench.client.Marker;
import io.vask.bench.client.WsSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The receive side shared by the delivery scenarios: a frame carrying the probe is a delivery
 * (latency recorded, order per socket checked); subscription acks are counted; {@code pusher:ping}
 * is answered so idle sockets stay alive.
 */
final class Deliveries implements FrameListener {
  private static final byte[] SUBSCRIBED =
      "subscription_succeeded".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PING = "\"pusher:ping\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ERROR = "\"pusher:error\"".getBytes(StandardCharsets.US_ASCII);
  final AtomicInteger subscribed = new AtomicInteger();
  final AtomicInteger errors = new AtomicInteger();
  volatile String firstError = "";

  @Override
  public void onText(WsSocket socket, ByteBuf buf, int from, int to) {
    int at = Marker.find(buf, from, to);
    if (at >= 0) {
      long now = System.nanoTime();
      long sequence = Marker.sequence(buf, at, to);
      if (!socket.inOrder(Marker.source(buf, at, to), sequence)) {
        socket.stats().outOfOrder++;
      }
      socket.stats().delivered(Marker.sendNanos(buf, at, to), now);
    } else if (Marker.contains(buf, from, to, SUBSCRIBED)) {
      subscribed.incrementAndGet();
    } else if (Marker.contains(buf, from, to, PING)) {
      socket.sendText("{\"event\":\"pusher:pong\",\"data\":{}}");
    } else if (Marker.contains(buf, from, to, ERROR)) {
      if (errors.getAndIncrement() == 0) {
        firstError = buf.toString(from, to - from, StandardCharsets.UTF_8);
      }
    }
  }

  /** Waits (bounded) until {@code count} subscriptions are acknowledged; true if they were. */
  boolean awaitSubscribed(int count, long timeoutMillis) throws InterruptedException {
    return awaitAtLeast(subscribed::get, count, timeoutMillis);
  }

  /** Waits (bounded) until the client has received {@code expected} deliveries. */
  static boolean awaitReceived(LoadClient client, long expected, long timeoutMillis)
      throws InterruptedException {
    return awaitAtLeast(client::received, expected, timeoutMillis);
  }

  static boolean awaitAtLeast(LongSupplier value, long target, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (value.getAsLong() < target) {
      if (System.currentTimeMillis() >= deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  static String subscribe(String channel) {
    return "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}";
  }
}
