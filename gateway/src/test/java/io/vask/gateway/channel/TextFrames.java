package io.vask.gateway.channel;

import io.vask.gateway.testing.RecordingTransport;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Encodes frames as the text {@link RecordingTransport} records, counting encodes and the holds not
 * released yet.
 */
final class TextFrames implements FrameEncoder {
  private final AtomicInteger encoded = new AtomicInteger();
  private final AtomicInteger held = new AtomicInteger();

  @Override
  public OutboundFrame encode(byte[] utf8Text, int holders) {
    encoded.incrementAndGet();
    held.addAndGet(holders);
    return new RecordingTransport.TextFrame(
        new String(utf8Text, StandardCharsets.UTF_8), held::decrementAndGet);
  }

  /** How many frames were encoded. */
  int encoded() {
    return encoded.get();
  }

  /** Holds taken and not released yet. */
  int held() {
    return held.get();
  }
}
