package io.vask.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PusherError;
import java.util.concurrent.TimeUnit;

/**
 * The liveness check of PROTOCOL.md §1.5: after {@code activity_timeout} without any inbound frame
 * the server sends both a WebSocket PING (answered by browsers and pusher-websocket-java) and a
 * {@code pusher:ping} (answered by pusher-js); if nothing arrives within the pong timeout the
 * socket is closed with 4201.
 */
final class LivenessHandler extends IdleStateHandler {
  private final Connection connection;
  private final long pongTimeoutMillis;
  private boolean readSincePing;

  LivenessHandler(Connection connection, int activityTimeoutSeconds, long pongTimeoutMillis) {
    super(activityTimeoutSeconds, 0, 0, TimeUnit.SECONDS);
    this.connection = connection;
    this.pongTimeoutMillis = pongTimeoutMillis;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    readSincePing = true;
    super.channelRead(ctx, msg);
  }

  @Override
  protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
    if (event.state() != IdleState.READER_IDLE || !event.isFirst() || connection.closing()) {
      return;
    }
    readSincePing = false;
    ctx.write(new PingWebSocketFrame());
    connection.send(Frames.PING);
    ctx.executor()
        .schedule(
            () -> {
              if (!readSincePing && ctx.channel().isActive()) {
                connection.close(PusherError.PONG_NOT_RECEIVED);
              }
            },
            pongTimeoutMillis,
            TimeUnit.MILLISECONDS);
  }
}
