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

  /** A shared frame that is only its text; {@code onRelease} runs on each holder's release. */
  public record TextFrame(String text, Runnable onRelease) implements OutboundFrame {
    public TextFrame(String text) {
      this(text, () -> {});
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public void release() {
      onRelease.run();
    }
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
  private final int loopIndex;
  private final Executor executor;

  /** On the one loop of {@link #ONE_LOOP}: tasks run on the calling thread. */
  public RecordingTransport() {
    this(0, Runnable::run);
  }

  /** On loop {@code loopIndex} of a test's {@link Loops}, whose tasks go to {@code executor}. */
  public RecordingTransport(int loopIndex, Executor executor) {
    this.loopIndex = loopIndex;
    this.executor = executor;
  }

  public List<String> frames() {
    return frames;
  }

  /** The frames recorded since the last call, oldest first. */
  public synchronized List<String> take() {
    List<String> taken = List.copyOf(frames);
    frames.subList(0, taken.size()).clear();
    return taken;
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
    return loopIndex;
  }

  @Override
  public Executor executor() {
    return executor;
  }
}
