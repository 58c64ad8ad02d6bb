package io.vask.bench.ceiling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling's HTTP side: {@code GET /app/{key}} upgrades to a WebSocket and sends {@code
 * pusher:connection_established}; {@code POST /apps/{id}/events} encodes the event frame once and
 * hands it to every loop. Signatures are not checked: the ceiling measures delivery only.
 */
final class CeilingHttp extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong SOCKET_IDS = new AtomicLong(1);
  private final CeilingChannels channels;
  private final Map<Object, CeilingLoop> byLoop;

  CeilingHttp(CeilingChannels channels, Map<Object, CeilingLoop> byLoop) {
    this.channels = channels;
    this.byLoop = byLoop;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    String uri = request.uri();
    if (request.method() == HttpMethod.GET && uri.startsWith("/app/")) {
      upgrade(ctx, request);
    } else if (request.method() == HttpMethod.POST && uri.startsWith("/apps/")) {
      publish(ctx, request);
    } else {
      respond(ctx, request, HttpResponseStatus.NOT_FOUND, "{}");
    }
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory("ws://localhost" + request.uri(), null, false, 65536)
            .newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    CeilingLoop loop = byLoop.get(ctx.channel().eventLoop());
    handshaker
        .handshake(ctx.channel(), request)
        .addListener(
            done -> {
              if (!done.isSuccess()) {
                ctx.close();
                return;
              }
              CeilingSocket socket = new CeilingSocket(loop, channels);
              ctx.pipeline().addLast("ceiling", socket);
              ctx.pipeline().remove(this);
              long id = SOCKET_IDS.getAndIncrement();
              socket.sendText(
                  "{\"event\":\"pusher:connection_established\",\"data\":\"{\\\"socket_id\\\":\\\""
                      + id
                      + "."
                      + id
                      + "\\\",\\\"activity_timeout\\\":120}\"}");
            });
  }

  private void publish(ChannelHandlerContext ctx, FullHttpRequest request) {
    List<String> targets = new ArrayList<>();
    try {
      JsonNode body = JSON.readTree(request.content().toString(StandardCharsets.UTF_8));
      if (body.has("channels")) {
        body.get("channels").forEach(c -> targets.add(c.asText()));
      } else if (body.has("channel")) {
        targets.add(body.get("channel").asText());
      }
      ObjectNode event = JSON.createObjectNode();
      event.put("event", body.path("name").asText());
      event.put("channel", "");
      event.put("data", body.path("data").asText());
      for (String channel : targets) {
        event.put("channel", channel);
        channels.broadcast(ctx.alloc(), channel, JSON.writeValueAsBytes(event), null);
      }
    } catch (java.io.IOException | RuntimeException e) {
      respond(
          ctx,
          request,
          HttpResponseStatus.BAD_REQUEST,
          "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
      return;
    }
    respond(ctx, request, HttpResponseStatus.OK, "{}");
  }

  private static void respond(
      ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            status,
            Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    HttpUtil.setContentLength(response, body.length());
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
