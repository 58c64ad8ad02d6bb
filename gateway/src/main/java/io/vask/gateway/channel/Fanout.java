package io.vask.gateway.channel;

import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.metrics.AppMeters;
import io.vask.gateway.metrics.GatewayMetrics;

/**
 * Delivers a channel event to this node's subscribers: the frame is encoded once, then each loop
 * that owns subscribers gets one task that writes the shared frame to all of them. Per-publisher
 * order holds because each loop runs its tasks in submission order.
 */
public final class Fanout {
  private final ChannelRegistry registry;
  private final Loops loops;
  private final FrameEncoder encoder;
  private final GatewayMetrics metrics;

  public Fanout(
      ChannelRegistry registry, Loops loops, FrameEncoder encoder, GatewayMetrics metrics) {
    this.registry = registry;
    this.loops = loops;
    this.encoder = encoder;
    this.metrics = metrics;
  }

  /** Called from any thread (HTTP handlers, bus threads). */
  public void deliverLocally(ChannelEvent event) {
    LocalChannel channel = registry.channel(event.appId(), event.channel());
    if (channel == null) {
      return;
    }
    int loopCount = channel.loops();
    int[] targets = new int[loopCount];
    int holders = 0;
    for (int i = 0; i < loopCount; i++) {
      if (channel.loopCount(i) > 0) {
        targets[holders++] = i;
      }
    }
    if (holders == 0) {
      return;
    }
    OutboundFrame frame = encoder.encode(event.frame(), holders);
    AppMeters meters = metrics.app(event.appId());
    long acceptedAt = System.nanoTime();
    for (int t = 0; t < holders; t++) {
      int loop = targets[t];
      loops
          .executor(loop)
          .execute(
              () -> writeOnLoop(channel, loop, frame, event.excludeSocketId(), meters, acceptedAt));
    }
  }

  /** Runs {@code action} on each local session of the channel, on the session's own loop. */
  public void forEachLocal(
      String appId, String channelName, java.util.function.Consumer<Session> action) {
    LocalChannel channel = registry.channel(appId, channelName);
    if (channel == null) {
      return;
    }
    for (int i = 0; i < channel.loops(); i++) {
      if (channel.loopCount(i) > 0) {
        int loop = i;
        loops.executor(loop).execute(() -> channel.on(loop).forEach(action));
      }
    }
  }

  private void writeOnLoop(
      LocalChannel channel,
      int loop,
      OutboundFrame frame,
      String exclude,
      AppMeters meters,
      long acceptedAt) {
    try {
      SubscriberSet set = channel.on(loop);
      Session[] sessions = set.array();
      int size = set.size();
      int written = 0;
      for (int i = 0; i < size; i++) {
        Session session = sessions[i];
        if (session.isOpen() && (exclude == null || !exclude.equals(session.socketId()))) {
          session.transport().send(frame);
          written++;
        }
      }
      if (written > 0) {
        meters.sent(written, frame.length());
        metrics.fanoutLatencyNanos(System.nanoTime() - acceptedAt);
      }
    } finally {
      frame.release();
    }
  }
}
