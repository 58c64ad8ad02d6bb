package io.vask.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * The generator's sockets: one event loop per core, each with its own {@link LoopStats}; sockets
 * are opened with bounded concurrency and spread over the source addresses.
 */
public final class LoadClient implements AutoCloseable {
  private final EventLoopGroup group;
  private final Map<Object, LoopStats> stats = new IdentityHashMap<>();
  private final String host;
  private final int port;
  private final String appKey;
  private final List<String> sourceIps;

  public LoadClient(String host, int port, String appKey, List<String> sourceIps, int loops) {
    this.group = Transports.group(loops);
    for (EventExecutor executor : group) {
      stats.put(executor, new LoopStats());
    }
    this.host = host;
    this.port = port;
    this.appKey = appKey;
    this.sourceIps = sourceIps.isEmpty() ? List.of("127.0.0.1") : List.copyOf(sourceIps);
  }

  public EventLoopGroup group() {
    return group;
  }

  /** Opens one socket; completes when {@code connection_established} arrives. */
  public CompletableFuture<WsSocket> connect(FrameListener listener, int index) {
    WsSocket socket = new WsSocket(host, port, appKey, listener, stats::get);
    socket.tag = index;
    new Bootstrap()
        .group(group)
        .channel(Transports.socketChannel())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
        .handler(socket)
        .connect(
            new InetSocketAddress(host, port),
            new InetSocketAddress(sourceIps.get(index % sourceIps.size()), 0))
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                socket.established().completeExceptionally(f.cause());
              }
            });
    return socket.established();
  }

  /**
   * Opens {@code count} sockets, at most {@code concurrency} handshakes at once, giving up at the
   * deadline; {@code onOpen} runs for each established socket (on its loop).
   */
  public Opened connectAll(
      int count,
      FrameListener listener,
      int concurrency,
      long timeoutMillis,
      Consumer<WsSocket> onOpen)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    Semaphore slots = new Semaphore(concurrency);
    List<WsSocket> sockets = Collections.synchronizedList(new ArrayList<>(count));
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < count; i++) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !slots.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        failures.add("connect deadline passed after " + i + " sockets");
        break;
      }
      connect(listener, i)
          .whenComplete(
              (socket, error) -> {
                if (error == null) {
                  sockets.add(socket);
                  onOpen.accept(socket);
                } else if (failures.size() < 5) {
                  failures.add(error.toString());
                } else {
                  failures.add("");
                }
                slots.release();
              });
    }
    long left = Math.max(1, deadline - System.nanoTime());
    if (slots.tryAcquire(concurrency, left, TimeUnit.NANOSECONDS)) {
      slots.release(concurrency);
    }
    return new Opened(
        List.copyOf(sockets), failures.size(), failures.isEmpty() ? "" : failures.get(0));
  }

  /** What {@link #connectAll} achieved. */
  public record Opened(List<WsSocket> sockets, int failed, String firstFailure) {}

  /** Merges every loop's stats, read on the loops themselves. */
  public Snapshot snapshot() {
    Histogram merged = new Histogram(60_000_000L, 3);
    long[] totals = new long[4];
    for (Map.Entry<Object, LoopStats> e : stats.entrySet()) {
      LoopStats s = e.getValue();
      ((EventExecutor) e.getKey())
          .submit(
              () -> {
                synchronized (merged) {
                  merged.add(s.latencyMicros);
                  totals[0] += s.received.get();
                  totals[1] += s.outOfOrder;
                  totals[2] += s.closes;
                  totals[3] += s.errors;
                }
              })
          .syncUninterruptibly();
    }
    synchronized (merged) {
      return new Snapshot(merged, totals[0], totals[1], totals[2], totals[3]);
    }
  }

  /** Deliveries received so far, all loops (cheap; for the publisher's window). */
  public long received() {
    long sum = 0;
    for (LoopStats s : stats.values()) {
      sum += s.received.get();
    }
    return sum;
  }

  public void reset() {
    for (Map.Entry<Object, LoopStats> e : stats.entrySet()) {
      ((EventExecutor) e.getKey()).submit(e.getValue()::reset).syncUninterruptibly();
    }
  }

  /** Merged observations. */
  public record Snapshot(
      Histogram latencyMicros, long received, long outOfOrder, long closes, long errors) {}

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
