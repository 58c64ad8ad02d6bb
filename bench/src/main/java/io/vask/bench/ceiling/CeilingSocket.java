package io.vask.bench.ceiling;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One ceiling WebSocket: answers {@code pusher:subscribe} (any channel, no checks) and {@code
 * pusher:ping}, relays client events to the channel's other subscribers; takes broadcast frames as
 * complete WebSocket frames written at the encoder's context, flushed once per loop pass.
 */
final class CeilingSocket extends SimpleChannelInboundHandler<WebSocketFrame> {
  private final CeilingLoop loop;
  private final CeilingChannels channels;
  private ChannelHandlerContext frames;
  private boolean queued;

  CeilingSocket(CeilingLoop loop, CeilingChannels channels) {
    this.loop = loop;
    this.channels = channels;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    frames = ctx.pipeline().context(WebSocketFrameEncoder.class);
  }

  /** Queues a frame; true when the socket needs a flush this pass. */
  boolean write(ByteBuf frame) {
    frames.write(frame, frames.voidPromise());
    if (queued) {
      return false;
    }
    queued = true;
    return true;
  }

  void flush() {
    queued = false;
    frames.flush();
  }

  void sendText(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (write(CeilingFrames.text(frames.alloc(), bytes))) {
      flush();
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (frame instanceof TextWebSocketFrame) {
      String text = frame.content().toString(StandardCharsets.UTF_8);
      if (text.contains("\"pusher:subscribe\"")) {
        String channel = CeilingFrames.channelOf(text);
        if (channel != null) {
          loop.subscribe(channel, this);
          sendText(
              "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\""
                  + channel
                  + "\",\"data\":\"{}\"}");
        }
      } else if (text.startsWith("{\"event\":\"client-")) {
        // a client event goes to the channel's other subscribers as sent (no auth, no checks)
        String channel = CeilingFrames.channelOf(text);
        if (channel != null) {
          channels.broadcast(ctx.alloc(), channel, text.getBytes(StandardCharsets.UTF_8), this);
        }
      } else if (text.contains("\"pusher:ping\"")) {
        sendText("{\"event\":\"pusher:pong\",\"data\":\"{}\"}");
      }
    } else if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
    } else if (frame instanceof CloseWebSocketFrame) {
      ctx.writeAndFlush(frame.retainedDuplicate()).addListener(f -> ctx.close());
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    loop.unsubscribeAll(this);
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
