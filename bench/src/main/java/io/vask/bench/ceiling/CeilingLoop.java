package io.vask.bench.ceiling;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One event loop's subscribers, by channel, and its flush pass: a broadcast writes the shared frame
 * once per subscriber and the sockets written to are flushed once, by one task queued behind the
 * writes. Loop-confined.
 */
final class CeilingLoop implements Runnable {
  private final EventLoop loop;
  private final Map<String, List<CeilingSocket>> channels = new HashMap<>();
  private List<CeilingSocket> dirty = new ArrayList<>();
  private List<CeilingSocket> spare = new ArrayList<>();
  private boolean flushQueued;

  CeilingLoop(EventLoop loop) {
    this.loop = loop;
  }

  EventLoop loop() {
    return loop;
  }

  void subscribe(String channel, CeilingSocket socket) {
    channels.computeIfAbsent(channel, c -> new ArrayList<>()).add(socket);
  }

  void unsubscribeAll(CeilingSocket socket) {
    channels.values().forEach(list -> list.remove(socket));
  }

  /**
   * Writes {@code frame} (a complete WebSocket frame, one reference owned here) to the channel's
   * subscribers other than {@code sender}.
   */
  void broadcast(String channel, ByteBuf frame, CeilingSocket sender) {
    try {
      List<CeilingSocket> sockets = channels.get(channel);
      if (sockets == null) {
        return;
      }
      for (int i = 0, n = sockets.size(); i < n; i++) {
        CeilingSocket socket = sockets.get(i);
        if (socket != sender && socket.write(frame.retainedDuplicate())) {
          dirty.add(socket);
        }
      }
      if (!flushQueued && !dirty.isEmpty()) {
        flushQueued = true;
        loop.execute(this);
      }
    } finally {
      frame.release();
    }
  }

  /** The flush pass: each socket written to since the last pass is flushed once. */
  @Override
  public void run() {
    flushQueued = false;
    List<CeilingSocket> batch = dirty;
    dirty = spare;
    for (int i = 0, n = batch.size(); i < n; i++) {
      batch.get(i).flush();
    }
    batch.clear();
    spare = batch;
  }
}
