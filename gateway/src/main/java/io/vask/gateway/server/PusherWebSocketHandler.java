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
import io.vask.gateway.protocol.ClientMessage;
import io.vask.gateway.protocol.ClientMessageParser;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PusherError;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads WebSocket frames of an established Pusher connection and hands each message to its use
 * case. Text and binary frames are parsed as JSON (binary leniently, as UTF-8); control frames are
 * answered here. Unexpected exceptions are logged once and never close other sockets.
 */
final class PusherWebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
  private static final Logger LOG = LoggerFactory.getLogger(PusherWebSocketHandler.class);
  private final Connection connection;
  private final ServerContext context;

  PusherWebSocketHandler(Connection connection, ServerContext context) {
    this.connection = connection;
    this.context = context;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
      ByteBuf content = frame.content();
      context.metrics().messagesIn.inc();
      context.metrics().bytesIn.add(content.readableBytes());
      onMessage(content.toString(StandardCharsets.UTF_8));
    } else if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
    } else if (frame instanceof CloseWebSocketFrame) {
      ctx.writeAndFlush(frame.retainedDuplicate()).addListener(f -> ctx.close());
    }
  }

  private void onMessage(String text) {
    Session session = connection.session();
    if (session == null || !session.isOpen()) {
      return;
    }
    try {
      dispatch(session, ClientMessageParser.parse(text));
    } catch (RuntimeException e) {
      LOG.warn(
          "socket {} of app {}: message handling failed", session.socketId(), session.appId(), e);
      session.sendError(PusherError.plain("Internal error handling the message"));
    }
  }

  private void dispatch(Session session, ClientMessage message) {
    if (message instanceof ClientMessage.Ping) {
      session.send(Frames.PONG);
    } else if (message instanceof ClientMessage.Subscribe subscribe) {
      context.subscriptions().subscribe(session, subscribe);
    } else if (message instanceof ClientMessage.Unsubscribe unsubscribe) {
      context.subscriptions().unsubscribe(session, unsubscribe.channel());
    } else if (message instanceof ClientMessage.ClientEvent event) {
      context.clientEvents().handle(session, event);
    } else if (message instanceof ClientMessage.Signin signin) {
      context.users().signIn(session, signin);
    } else if (message instanceof ClientMessage.Invalid invalid) {
      context.metrics().errors.labels("null").increment();
      session.sendError(invalid.error());
    }
    // Pong and ignored pusher:* events need no answer: reading them already counted as activity.
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    Session session = connection.session();
    connection.cancelTimers();
    if (session != null) {
      session.markClosed();
      context.metrics().connections.decrement();
      try {
        context.subscriptions().disconnect(session);
        context.users().disconnect(session);
      } finally {
        context.store().connectionClosed(session.appId());
      }
    }
    // last, so a drain that waits for the tracker to empty also waits for the leaves above
    context.connections().remove(connection);
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
