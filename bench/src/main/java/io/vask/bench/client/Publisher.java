package io.vask.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.HdrHistogram.Histogram;

/**
 * Publishes events through the HTTP API from its own loop: at a fixed rate (open loop), or as fast
 * as a gate allows (closed loop, the gate bounding events in flight). Keep-alive connections, one
 * request outstanding on each. Bounded in time: {@link #run} ends at its duration.
 */
public final class Publisher implements AutoCloseable {
  private final EventLoopGroup group = Transports.group(1);
  private final ArrayDeque<Responses> idle = new ArrayDeque<>();
  private final String host;
  private final int port;
  private long sent;
  private long ok;
  private long failed;
  private long inFlight;
  private int opened;
  private String firstError = "";
  private final Histogram answerMicros = new Histogram(60_000_000L, 3);

  public Publisher(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Opens {@code connections} keep-alive connections. */
  public void open(int connections) throws InterruptedException {
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(Transports.socketChannel())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(1 << 16))
                        .addLast(new Responses(ch, opened++));
                  }
                });
    for (int i = 0; i < connections; i++) {
      Channel channel = bootstrap.connect(host, port).sync().channel();
      group.next().submit(() -> idle.add(channel.pipeline().get(Responses.class))).sync();
    }
  }

  /**
   * Publishes for {@code durationMillis}: {@code rate} events/s, or when {@code rate <= 0} whenever
   * {@code gate} accepts the number already sent. {@code request} builds request {@code seq}.
   */
  public CompletableFuture<Outcome> run(
      double rate, long durationMillis, LongPredicate gate, Requests request) {
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    group
        .next()
        .execute(
            () -> {
              sent = 0;
              ok = 0;
              failed = 0;
              firstError = "";
              answerMicros.reset();
              long start = System.nanoTime();
              long end = start + TimeUnit.MILLISECONDS.toNanos(durationMillis);
              long[] behind = new long[1];
              ScheduledFuture<?>[] tick = new ScheduledFuture<?>[1];
              tick[0] =
                  group
                      .next()
                      .scheduleAtFixedRate(
                          () -> {
                            long now = System.nanoTime();
                            if (now >= end) {
                              tick[0].cancel(false);
                              finish(done, start, now, behind[0]);
                              return;
                            }
                            long due =
                                rate > 0 ? (long) (rate * (now - start) / 1e9) + 1 : Long.MAX_VALUE;
                            while (sent < due && !idle.isEmpty() && gate.test(sent)) {
                              Responses connection = idle.poll();
                              inFlight++;
                              connection.sentAt = System.nanoTime();
                              connection.channel.writeAndFlush(
                                  request.create(sent++, connection.index));
                            }
                            if (rate > 0 && due - sent > behind[0]) {
                              behind[0] = due - sent;
                            }
                          },
                          0,
                          200,
                          TimeUnit.MICROSECONDS);
            });
    return done;
  }

  private void finish(CompletableFuture<Outcome> done, long start, long now, long behind) {
    double seconds = Math.max(1, now - start) / 1e9;
    // answers still in flight get a second to arrive; later ones count as failed
    group
        .next()
        .schedule(
            () ->
                done.complete(
                    new Outcome(
                        sent,
                        ok,
                        failed + inFlight,
                        firstError,
                        behind,
                        seconds,
                        answerMicros.copy())),
            inFlight == 0 ? 0 : 1000,
            TimeUnit.MILLISECONDS);
  }

  /**
   * What a run sent and how the server answered: {@code maxBehind} is the generator's own backlog
   * (events due by the rate but not yet sent, at most), {@code answerMicros} the API's answer
   * times.
   */
  public record Outcome(
      long sent,
      long ok,
      long failed,
      String firstError,
      long maxBehind,
      double seconds,
      Histogram answerMicros) {}

  /** Builds request {@code n} of a run, to go out on publisher connection {@code connection}. */
  @FunctionalInterface
  public interface Requests {
    FullHttpRequest create(long n, int connection);
  }

  private final class Responses extends SimpleChannelInboundHandler<FullHttpResponse> {
    private final Channel channel;
    private final int index;
    private long sentAt;

    Responses(Channel channel, int index) {
      this.channel = channel;
      this.index = index;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      inFlight--;
      answerMicros.recordValue(
          Math.min((System.nanoTime() - sentAt) / 1000, answerMicros.getHighestTrackableValue()));
      if (response.status().code() == 200) {
        ok++;
      } else {
        failed++;
        if (firstError.isEmpty()) {
          firstError =
              response.status().code() + " " + response.content().toString(StandardCharsets.UTF_8);
        }
      }
      idle.add(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      failed++;
      if (firstError.isEmpty()) {
        firstError = cause.toString();
      }
      ctx.close();
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
