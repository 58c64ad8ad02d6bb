package io.vask.gateway.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.concurrent.ScheduledFuture;
import io.vask.gateway.limit.LimitReason;
import io.vask.gateway.limit.Refusals;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has not finished its next HTTP request in time: the first (a WebSocket
 * upgrade or an API call) within {@code handshakeMillis} of the accept, however slowly its headers
 * trickle in (slowloris), each later one on a keep-alive connection within {@code idleMillis} of
 * the previous. Sits after the aggregator, so "finished" means the whole request was read; a
 * WebSocket upgrade removes it (liveness takes over).
 */
final class RequestDeadline extends ChannelDuplexHandler {
  private final long handshakeMillis;
  private final long idleMillis;
  static final String NAME = "request-deadline";
  private final Refusals refusals;
  private ScheduledFuture<?> deadline;
  private boolean served;

  RequestDeadline(long handshakeMillis, long idleMillis, Refusals refusals) {
    this.handshakeMillis = handshakeMillis;
    this.idleMillis = idleMillis;
    this.refusals = refusals;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    restart(ctx, handshakeMillis);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof FullHttpRequest) {
      served = true;
      restart(ctx, idleMillis);
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  private void restart(ChannelHandlerContext ctx, long millis) {
    cancel();
    deadline =
        ctx.executor()
            .schedule(
                () -> {
                  if (ctx.channel().isActive()) {
                    refusals.count(
                        served ? LimitReason.HTTP_IDLE_TIMEOUT : LimitReason.HANDSHAKE_TIMEOUT);
                    ctx.close();
                  }
                },
                millis,
                TimeUnit.MILLISECONDS);
  }

  private void cancel() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }
}
