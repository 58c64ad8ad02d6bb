package io.vask.gateway.channel;

import io.vask.gateway.protocol.PusherError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** A connection that records the text of every frame written to it, and how it was closed. */
public final class RecordingTransport implements Transport {
  private final int loopIndex;
  private final Executor executor;
  private final List<String> frames = new ArrayList<>();
  private PusherError closedWith;

  RecordingTransport(int loopIndex, Executor executor) {
    this.loopIndex = loopIndex;
    this.executor = executor;
  }

  @Override
  public void send(String frame) {
    frames.add(frame);
  }

  @Override
  public void send(OutboundFrame frame) {
    frames.add(((TextFrames.TextFrame) frame).text());
  }

  @Override
  public void close(PusherError error) {
    closedWith = error;
  }

  @Override
  public int loopIndex() {
    return loopIndex;
  }

  @Override
  public Executor executor() {
    return executor;
  }

  /** Every frame written so far, oldest first. */
  public List<String> frames() {
    return List.copyOf(frames);
  }

  /** The frames written since the last call. */
  public List<String> take() {
    List<String> taken = List.copyOf(frames);
    frames.clear();
    return taken;
  }

  public PusherError closedWith() {
    return closedWith;
  }
}
