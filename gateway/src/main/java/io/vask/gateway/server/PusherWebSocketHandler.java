package io.vask.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.vask.gateway.channel.Session;
import io.vask.gateway.connection.Departure;
import io.vask.gateway.connection.InboundMessages;
import io.vask.gateway.metrics.GatewayMetrics;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads WebSocket frames of an established Pusher connection: text and binary frames (binary
 * leniently, as UTF-8) go to {@link InboundMessages}, control frames are answered here, and a
 * closed socket goes to {@link Departure}. Unexpected exceptions are logged once and never close
 * other sockets.
 */
final class PusherWebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final Logger LOG = LoggerFactory.getLogger(PusherWebSocketHandler.class);
  private final Connection connection;
  private final InboundMessages messages;
  private final Departure departure;
  private final GatewayMetrics metrics;
  private final ConnectionTracker connections;

  PusherWebSocketHandler(
      Connection connection,
      InboundMessages messages,
      Departure departure,
      GatewayMetrics metrics,
      ConnectionTracker connections) {
    this.connection = connection;
    this.messages = messages;
    this.departure = departure;
    this.metrics = metrics;
    this.connections = connections;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
      ByteBuf content = frame.content();
      connection.meters().received(content.readableBytes());
      messages.receive(connection.session(), content.toString(StandardCharsets.UTF_8));
    } else if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
    } else if (frame instanceof CloseWebSocketFrame close) {
      connection.peerClosed(close.statusCode());
      ctx.writeAndFlush(frame.retainedDuplicate()).addListener(f -> ctx.close());
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    Session session = connection.session();
    connection.cancelTimers();
    if (session != null) {
      connection.meters().closed();
      departure.leave(session);
    }
    // last, so a drain that waits for the tracker to empty also waits for the leaves above
    connections.remove(connection);
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Session session = connection.session();
    String socket = session == null ? "?" : session.socketId();
    if (cause instanceof TooLongFrameException) {
      // a fragmented message over the 256 KiB cap: close as RFC 6455 says for "message too big"
      ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    if (cause instanceof java.io.IOException || cause instanceof CorruptedWebSocketFrameException) {
      // the peer went away, or the frame decoder has already sent its close frame
      LOG.debug("socket {} closed: {}", socket, cause.toString());
    } else {
      LOG.warn(
          "socket {} of app {} failed", socket, session == null ? "?" : session.appId(), cause);
    }
    ctx.close();
  }
}
