package io.vask.gateway.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.vask.gateway.connection.Admission;
import io.vask.gateway.connection.Arrival;
import io.vask.gateway.connection.Verdict;
import io.vask.gateway.limit.ClientAddresses;
import io.vask.gateway.metrics.GatewayMetrics;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Upgrades {@code /app/{key}} to a Pusher connection (PROTOCOL.md §1.1): completes the WebSocket
 * handshake first, so every refusal of {@link Admission} reaches the client as a Pusher close code,
 * then lets the admitted socket read.
 */
final class WebSocketUpgrade {
  private final Admission admission;
  private final WebSocketPipeline pipeline;
  private final NettyLoops loops;
  private final GatewayMetrics metrics;
  private final ConnectionTracker connections;
  private final SlowConsumerPolicy slowConsumers;
  private final ClientAddresses addresses;

  WebSocketUpgrade(
      Admission admission,
      WebSocketPipeline pipeline,
      NettyLoops loops,
      GatewayMetrics metrics,
      ConnectionTracker connections,
      SlowConsumerPolicy slowConsumers,
      ClientAddresses addresses) {
    this.addresses = addresses;
    this.admission = admission;
    this.pipeline = pipeline;
    this.loops = loops;
    this.metrics = metrics;
    this.connections = connections;
    this.slowConsumers = slowConsumers;
  }

  void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, boolean tls) {
    String url =
        (tls ? "wss://" : "ws://")
            + request.headers().get(HttpHeaderNames.HOST, "localhost")
            + request.uri();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(url, null, false, WebSocketPipeline.MAX_FRAME_BYTES)
            .newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    QueryStringDecoder query = new QueryStringDecoder(request.uri());
    Arrival arrival =
        new Arrival(
            query.path(),
            first(query.parameters().get("protocol")),
            request.headers().get(HttpHeaderNames.ORIGIN),
            clientAddress(ctx, request));
    int loop = loops.indexOf(ctx.channel().eventLoop());
    Connection connection =
        new Connection(ctx.channel(), loop, loops.flusher(loop), metrics, slowConsumers);
    ctx.channel().config().setAutoRead(false);
    handshaker
        .handshake(ctx.channel(), request)
        .addListener(
            done -> {
              if (!done.isSuccess()) {
                ctx.close();
                return;
              }
              pipeline.handshaken(ctx, connection);
              admission
                  .admit(arrival, connection)
                  .thenAccept(
                      verdict -> {
                        if (verdict instanceof Verdict.Admitted admitted) {
                          establish(connection, admitted);
                        }
                      });
            });
  }

  private void establish(Connection connection, Verdict.Admitted admitted) {
    if (!connection.channel().isActive()) {
      admission.withdraw(admitted);
      return;
    }
    connection.attach(admitted.session());
    connections.add(connection);
    connection.meters().opened();
    pipeline.admitted(connection, admitted.app().timings().activityTimeoutSeconds());
    admission.welcome(admitted);
    connection.channel().config().setAutoRead(true);
  }

  /** The peer's address, or the client's behind a trusted proxy ({@code X-Forwarded-For}). */
  private String clientAddress(ChannelHandlerContext ctx, FullHttpRequest request) {
    String peer =
        ctx.channel().remoteAddress() instanceof InetSocketAddress socket
                && socket.getAddress() != null
            ? socket.getAddress().getHostAddress()
            : "";
    return addresses.resolve(peer, request.headers().get("X-Forwarded-For"));
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
