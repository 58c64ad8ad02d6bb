package io.vask.gateway.channel;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A frame encoder that keeps the text, and counts encodes and outstanding holds. */
final class TextFrames implements FrameEncoder {
  private final AtomicInteger encoded = new AtomicInteger();
  private final AtomicInteger held = new AtomicInteger();

  /** One encoded frame; each release gives back one of its holders' holds. */
  final class TextFrame implements OutboundFrame {
    private final String text;

    TextFrame(String text) {
      this.text = text;
    }

    String text() {
      return text;
    }

    @Override
    public int length() {
      return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void release() {
      held.decrementAndGet();
    }
  }

  @Override
  public OutboundFrame encode(byte[] utf8Text, int holders) {
    encoded.incrementAndGet();
    held.addAndGet(holders);
    return new TextFrame(new String(utf8Text, StandardCharsets.UTF_8));
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
