package io.vask.gateway.testing;

import io.vask.gateway.channel.FrameEncoder;
import io.vask.gateway.channel.Loops;
import io.vask.gateway.channel.OutboundFrame;
import io.vask.gateway.channel.Transport;
import io.vask.gateway.protocol.PusherError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * A transport without sockets: records every frame (own or shared) and every close, and runs its
 * loop's tasks on the calling thread, so use cases can be driven and checked in plain unit tests.
 */
public final class RecordingTransport implements Transport {
  /** Encodes shared frames as their text, which {@link #send(OutboundFrame)} records. */
  public static final FrameEncoder TEXT_FRAMES =
      (utf8, holders) -> new TextFrame(new String(utf8, StandardCharsets.UTF_8));

  /** A shared frame that is only its text. */
  public record TextFrame(String text) implements OutboundFrame {
    @Override
    public int length() {
      return text.length();
    }

    @Override
    public void release() {}
  }

  /** One loop that runs every task on the calling thread. */
  public static final Loops ONE_LOOP =
      new Loops() {
        @Override
        public int count() {
          return 1;
        }

        @Override
        public Executor executor(int index) {
          return Runnable::run;
        }
      };

  private final List<String> frames = new CopyOnWriteArrayList<>();
  private final List<PusherError.Message> closes = new CopyOnWriteArrayList<>();

  public List<String> frames() {
    return frames;
  }

  /** Every error the transport was closed with, in order. */
  public List<PusherError.Message> closes() {
    return closes;
  }

  @Override
  public void send(String frame) {
    frames.add(frame);
  }

  @Override
  public void send(OutboundFrame frame) {
    frames.add(((TextFrame) frame).text());
  }

  @Override
  public void close(PusherError.Message error) {
    closes.add(error);
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
