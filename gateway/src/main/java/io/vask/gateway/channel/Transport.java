package io.vask.gateway.channel;

import io.vask.gateway.protocol.PusherError;
import java.util.concurrent.Executor;

/** A connection as the Pusher layer sees it. Every method is called on its own loop. */
public interface Transport {
  /** Writes one text frame (flushed at the end of the loop pass). */
  void send(String frame);

  /** Writes a frame encoded once for many sockets. */
  void send(OutboundFrame frame);

  /** Sends {@code pusher:error} and closes the socket with the error's code. */
  void close(PusherError.Message error);

  /** {@link #close(PusherError.Message)} for an error whose message takes no arguments. */
  default void close(PusherError error) {
    close(error.with());
  }

  /** Index of the I/O loop that owns this connection, {@code 0..loops-1}. */
  int loopIndex();

  /** The loop that owns this connection; hop here before touching its session. */
  Executor executor();

  /** The peer's IP address, for the debug console. */
  default String remoteAddress() {
    return "";
  }

  /** The WebSocket close code once closed (1006 when the socket went away without one). */
  default int closeCode() {
    return 1006;
  }
}
