package io.vask.gateway.channel;

/**
 * A frame encoded once and written to many sockets. Reference counted by holders: the fan-out takes
 * one hold per loop task and releases it when the task is done.
 */
public interface OutboundFrame {
  /** UTF-8 length of the frame's text (for byte metrics). */
  int length();

  void release();
}
