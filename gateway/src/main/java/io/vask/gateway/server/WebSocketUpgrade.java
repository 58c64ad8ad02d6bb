package io.vask.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.vask.contract.AppSettings;
import io.vask.gateway.channel.Session;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PusherError;
import java.util.List;
import java.util.Optional;

/**
 * Upgrades {@code /app/{key}} to a Pusher connection (PROTOCOL.md §1.1): completes the WebSocket
 * handshake first, so every refusal reaches the client as a Pusher close code (4001 unknown app,
 * 4003 disabled, 4004 over quota, 4005 path, 4006/4007 protocol, 4200 draining), then admits the
 * socket and sends {@code pusher:connection_established}.
 */
final class WebSocketUpgrade {
  /** Hard cap on one inbound frame (PROTOCOL.md §11); larger frames are closed with 1009. */
  static final int MAX_FRAME_BYTES = 256 * 1024;

  private final ServerContext context;
  private final NettyLoops loops;

  WebSocketUpgrade(ServerContext context, NettyLoops loops) {
    this.context = context;
    this.loops = loops;
  }

  void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, boolean tls) {
    String url =
        (tls ? "wss://" : "ws://")
            + request.headers().get(HttpHeaderNames.HOST, "localhost")
            + request.uri();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(url, null, false, MAX_FRAME_BYTES)
            .newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    QueryStringDecoder query = new QueryStringDecoder(request.uri());
    Connection connection =
        new Connection(
            ctx.channel(),
            loops.indexOf(ctx.channel().eventLoop()),
            loops.flusher(loops.indexOf(ctx.channel().eventLoop())),
            context);
    ctx.channel().config().setAutoRead(false);
    handshaker
        .handshake(ctx.channel(), request)
        .addListener(
            done -> {
              if (!done.isSuccess()) {
                ctx.close();
                return;
              }
              ChannelPipeline pipeline = ctx.pipeline();
              pipeline.addLast("ws-aggregator", new WebSocketFrameAggregator(MAX_FRAME_BYTES));
              pipeline.addLast("pusher", new PusherWebSocketHandler(connection, context));
              pipeline.remove(ctx.handler());
              admit(connection, query);
            });
  }

  private void admit(Connection connection, QueryStringDecoder query) {
    Optional<PusherError> refusal = Optional.empty();
    String key = appKey(query.path());
    Optional<AppSettings> app = key == null ? Optional.empty() : context.apps().byKey(key);
    if (key == null) {
      refusal = Optional.of(PusherError.PATH_NOT_FOUND);
    } else if (app.isEmpty()) {
      refusal = Optional.of(PusherError.appNotFound(key));
    } else if (!app.get().enabled()) {
      refusal = Optional.of(PusherError.APP_DISABLED);
    } else if (context.readiness().draining()) {
      refusal = Optional.of(PusherError.RECONNECT);
    } else {
      refusal = checkProtocol(query.parameters().get("protocol"));
    }
    if (refusal.isPresent()) {
      connection.close(refusal.get());
      return;
    }
    AppSettings settings = app.get();
    context
        .store()
        .connectionOpened(settings.id(), settings.maxConnections())
        .whenCompleteAsync(
            (admitted, error) -> {
              if (!Boolean.TRUE.equals(admitted)) {
                if (admitted != null) {
                  connection.close(PusherError.OVER_QUOTA);
                } else {
                  connection.close(PusherError.OVER_CAPACITY);
                }
                return;
              }
              establish(connection, settings);
            },
            connection.executor());
  }

  private void establish(Connection connection, AppSettings app) {
    if (!connection.channel().isActive()) {
      context.store().connectionClosed(app.id());
      return;
    }
    Session session = new Session(context.socketIds().next(), app.id(), connection);
    connection.attach(session);
    context.connections().add(connection);
    context.metrics().connections.increment();
    context.metrics().connectionsOpened.inc();
    connection
        .channel()
        .pipeline()
        .addBefore(
            "pusher",
            "liveness",
            new LivenessHandler(
                connection,
                app.activityTimeoutSeconds(),
                context.settings().pongTimeoutSeconds() * 1000L));
    session.send(Frames.connectionEstablished(session.socketId(), app.activityTimeoutSeconds()));
    context.users().connected(session);
    connection.channel().config().setAutoRead(true);
  }

  /** The key of {@code /app/{key}}, or null for any other path. */
  private static String appKey(String path) {
    if (!path.startsWith("/app/")) {
      return null;
    }
    String key = path.substring("/app/".length());
    if (key.endsWith("/")) {
      key = key.substring(0, key.length() - 1);
    }
    return key.isEmpty() || key.contains("/") ? null : key;
  }

  private static Optional<PusherError> checkProtocol(List<String> values) {
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    int version;
    try {
      version = Integer.parseInt(values.get(0));
    } catch (NumberFormatException e) {
      return Optional.of(PusherError.INVALID_VERSION);
    }
    return version < 4 || version > 7
        ? Optional.of(PusherError.UNSUPPORTED_VERSION)
        : Optional.empty();
  }
}
