package io.vask.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vask.gateway.channel.OutboundFrame;
import io.vask.gateway.channel.Transport;
import io.vask.gateway.protocol.PusherError;
import java.util.concurrent.Executor;

/**
 * A gateway {@link Transport} over an {@link EmbeddedChannel}: shared frames are written as
 * retained duplicates (as the gateway's connection does) and flushed once per pass by the caller.
 * Single-loop, with the calling thread as its executor.
 */
final class BenchTransport implements Transport {
  private final EmbeddedChannel channel;
  private boolean written;

  /** With a channel (the Netty write path), or without (the fan-out loop alone). */
  BenchTransport(boolean withChannel) {
    this.channel = withChannel ? new EmbeddedChannel() : null;
  }

  /** A frame encoded once, shared by every transport through duplicates. */
  record Frame(ByteBuf buf, int length) implements OutboundFrame {
    @Override
    public void release() {
      buf.release();
    }
  }

  @Override
  public void send(String frame) {
    // control frames (subscription acks) are not part of what the benchmarks measure
  }

  @Override
  public void send(OutboundFrame frame) {
    if (channel == null) {
      ((Frame) frame).buf().retainedDuplicate().release();
      return;
    }
    channel.write(((Frame) frame).buf().retainedDuplicate(), channel.voidPromise());
    written = true;
  }

  /** The loop pass's flush, then drops what was written so buffers return to the pool. */
  void flushAndDrain() {
    if (written) {
      written = false;
      channel.flush();
      channel.releaseOutbound();
    }
  }

  @Override
  public void close(PusherError.Message error) {
    if (channel != null) {
      channel.close();
    }
  }

  @Override
  public int loopIndex() {
    return 0;
  }

  @Override
  public Executor executor() {
    return Runnable::run;
  }
}
