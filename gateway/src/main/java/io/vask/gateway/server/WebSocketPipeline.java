package io.vask.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.vask.gateway.connection.Departure;
import io.vask.gateway.connection.InboundMessages;
import io.vask.gateway.metrics.GatewayMetrics;

/**
 * A Pusher connection's pipeline after the upgrade, in order: TLS (when configured) → WebSocket
 * decoder and encoder (the handshake puts them where the HTTP codec was) → frame aggregator (256
 * KiB per message) → liveness (once admitted, with the app's activity timeout) → Pusher handler.
 * The one place that adds them.
 */
final class WebSocketPipeline {
  /** Hard cap on one inbound frame (PROTOCOL.md §11); larger frames are closed with 1009. */
  static final int MAX_FRAME_BYTES = 256 * 1024;

  private static final String AGGREGATOR = "ws-aggregator";
  private static final String LIVENESS = "liveness";
  private static final String PUSHER = "pusher";

  private final InboundMessages messages;
  private final Departure departure;
  private final GatewayMetrics metrics;
  private final ConnectionTracker connections;
  private final long pongTimeoutMillis;

  WebSocketPipeline(
      InboundMessages messages,
      Departure departure,
      GatewayMetrics metrics,
      ConnectionTracker connections,
      long pongTimeoutMillis) {
    this.messages = messages;
    this.departure = departure;
    this.metrics = metrics;
    this.connections = connections;
    this.pongTimeoutMillis = pongTimeoutMillis;
  }

  /** The handshake is done: frames reach the Pusher handler, the HTTP router leaves. */
  void handshaken(ChannelHandlerContext router, Connection connection) {
    ChannelPipeline pipeline = router.pipeline();
    pipeline.addLast(AGGREGATOR, new WebSocketFrameAggregator(MAX_FRAME_BYTES));
    pipeline.addLast(
        PUSHER, new PusherWebSocketHandler(connection, messages, departure, metrics, connections));
    pipeline.remove(router.handler());
    if (pipeline.get(RequestDeadline.NAME) != null) {
      pipeline.remove(RequestDeadline.NAME);
    }
  }

  /** The connection was admitted: the liveness check starts, with the app's activity timeout. */
  void admitted(Connection connection, int activityTimeoutSeconds) {
    connection
        .channel()
        .pipeline()
        .addBefore(
            PUSHER,
            LIVENESS,
            new LivenessHandler(connection, activityTimeoutSeconds, pongTimeoutMillis));
  }
}
