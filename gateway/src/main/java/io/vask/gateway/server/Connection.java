package io.vask.gateway.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.util.concurrent.ScheduledFuture;
import io.vask.gateway.channel.OutboundFrame;
import io.vask.gateway.channel.Session;
import io.vask.gateway.channel.Transport;
import io.vask.gateway.metrics.AppMeters;
import io.vask.gateway.metrics.GatewayMetrics;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PusherError;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket connection's I/O: writes with consolidated flushes, error closes, and the
 * slow-consumer policy — a socket whose pending bytes pass the cap, or that stays unwritable past
 * the grace period, is closed with 4100 and its queued frames are released, so a client that stops
 * reading can't grow the server's memory. Loop-confined.
 */
final class Connection implements Transport {
  private final Channel channel;
  private final int loopIndex;
  private final LoopFlusher flusher;
  private final GatewayMetrics metrics;
  private final SlowConsumerPolicy slowConsumers;
  private Session session;
  private AppMeters meters;

  /**
   * Where complete, pre-encoded frames enter the pipeline: the WebSocket encoder's context, so a
   * write skips the handlers behind it (liveness, Pusher handler, the encoder's own type checks)
   * but still passes TLS when configured. The channel until the handshake has installed the
   * encoder.
   */
  private ChannelHandlerContext frameContext;

  private boolean flushQueued;
  private boolean closing;
  private int closeCode = 1006;
  private ScheduledFuture<?> graceCheck;

  Connection(
      Channel channel,
      int loopIndex,
      LoopFlusher flusher,
      GatewayMetrics metrics,
      SlowConsumerPolicy slowConsumers) {
    this.channel = channel;
    this.loopIndex = loopIndex;
    this.flusher = flusher;
    this.metrics = metrics;
    this.slowConsumers = slowConsumers;
  }

  void attach(Session session) {
    this.session = session;
    this.meters = metrics.app(session.appId());
    this.frameContext = channel.pipeline().context(WebSocketFrameEncoder.class);
  }

  Session session() {
    return session;
  }

  /** The app's meters once attached; before, frames count under no app. */
  AppMeters meters() {
    return meters != null ? meters : metrics.app(GatewayMetrics.NO_APP);
  }

  Channel channel() {
    return channel;
  }

  @Override
  public void send(String frame) {
    if (closing) {
      return;
    }
    byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
    meters().sent(1, bytes.length);
    write(WebSocketFrames.text(channel.alloc(), bytes));
  }

  @Override
  public void send(OutboundFrame frame) {
    if (!closing) {
      write(((SharedFrame) frame).duplicate());
    }
  }

  private void write(ByteBuf frame) {
    if (frameContext != null && !frameContext.isRemoved()) {
      frameContext.write(frame, frameContext.voidPromise());
    } else {
      channel.write(frame, channel.voidPromise());
    }
    if (!flushQueued) {
      flushQueued = true;
      flusher.add(this);
    }
    if (!channel.isWritable()) {
      onUnwritable();
    }
  }

  void flushNow() {
    flushQueued = false;
    if (frameContext != null && !frameContext.isRemoved()) {
      frameContext.flush();
    } else {
      channel.flush();
    }
  }

  private void onUnwritable() {
    ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
    if (buffer != null && buffer.totalPendingWriteBytes() > slowConsumers.maxPendingBytes()) {
      closeSlowConsumer();
      return;
    }
    if (graceCheck == null) {
      graceCheck =
          channel
              .eventLoop()
              .schedule(
                  () -> {
                    graceCheck = null;
                    if (!channel.isWritable()) {
                      closeSlowConsumer();
                    }
                  },
                  slowConsumers.graceMillis(),
                  TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Drops everything queued for this socket and closes it with 4100 (Over capacity): the queued
   * frames are released first, so the error and close frames are all that is left to reach the
   * client once it reads again (the rest of a frame the kernel took half of goes first, keeping the
   * stream whole). Behind TLS the queue holds ciphertext that cannot be cut, so the socket just
   * closes.
   */
  private void closeSlowConsumer() {
    if (closing) {
      return;
    }
    closing = true;
    closeCode = PusherError.OVER_CAPACITY.code();
    metrics.slowConsumerClosed();
    metrics.error(PusherError.OVER_CAPACITY.code().toString());
    if (session != null) {
      session.markClosed();
    }
    if (frameContext == null || channel.pipeline().get("tls") != null) {
      channel.close();
      return;
    }
    ByteBuf unfinished = discardQueued();
    if (unfinished != null) {
      channel.write(unfinished, channel.voidPromise());
    }
    PusherError.Message error = PusherError.OVER_CAPACITY.with();
    write(WebSocketFrames.text(channel.alloc(), Frames.error(error).getBytes(UTF_8)));
    closeWith(error, slowConsumers.graceMillis());
  }

  /** Releases every queued write; returns the unsent rest of the head frame, if any. */
  private ByteBuf discardQueued() {
    ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
    if (buffer == null) {
      return null;
    }
    buffer.addFlush();
    Object head = buffer.current();
    // a copy, not a slice: the frame is a pooled duplicate whose release may recycle it
    ByteBuf unfinished =
        head instanceof ByteBuf frame && frame.readerIndex() > 0
            ? channel.alloc().directBuffer(frame.readableBytes()).writeBytes(frame)
            : null;
    // remove() releases each frame and gives its pending bytes back; the frames were written with
    // void promises, so nothing waits on them (failing them would fire exceptionCaught per frame)
    while (buffer.remove()) {
      // next
    }
    return unfinished;
  }

  @Override
  public void close(PusherError.Message error) {
    if (closing) {
      return;
    }
    if (error.code() != null) {
      metrics.error(error.code().toString());
    }
    send(Frames.error(error));
    closing = true;
    if (session != null) {
      session.markClosed();
    }
    closeWith(error, 2000);
  }

  /** The close frame, then the close; forced after {@code waitMillis} if the client won't read. */
  private void closeWith(PusherError.Message error, long waitMillis) {
    int code = error.code() == null ? 1000 : error.code();
    closeCode = code;
    channel
        .writeAndFlush(new CloseWebSocketFrame(code, reason(error.message())))
        .addListener(ChannelFutureListener.CLOSE);
    channel.eventLoop().schedule(() -> channel.close(), waitMillis, TimeUnit.MILLISECONDS);
  }

  /** Close reasons are at most 123 bytes of UTF-8. */
  private static String reason(String message) {
    String reason = message;
    while (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
      reason = reason.substring(0, reason.length() - 1);
    }
    return reason;
  }

  /** The peer sent a close frame with {@code code}. */
  void peerClosed(int code) {
    if (!closing) {
      closeCode = code;
    }
  }

  @Override
  public int closeCode() {
    return closeCode;
  }

  @Override
  public String remoteAddress() {
    return channel.remoteAddress() instanceof java.net.InetSocketAddress address
        ? address.getHostString()
        : String.valueOf(channel.remoteAddress());
  }

  boolean closing() {
    return closing;
  }

  void cancelTimers() {
    if (graceCheck != null) {
      graceCheck.cancel(false);
      graceCheck = null;
    }
  }

  @Override
  public int loopIndex() {
    return loopIndex;
  }

  @Override
  public Executor executor() {
    return channel.eventLoop();
  }
}
