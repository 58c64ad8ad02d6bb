package io.vask.gateway.channel;

/** Encodes wire text once into a shareable frame, held by {@code holders} loop tasks. */
@FunctionalInterface
public interface FrameEncoder {
  OutboundFrame encode(byte[] utf8Text, int holders);
}
