package io.vask.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One generator WebSocket. Sends the upgrade request, then parses server frames in place: whole
 * frames are handed to the listener straight from the read buffer; only a frame split across reads
 * is copied into this socket's carry-over buffer. Nothing is allocated per message.
 */
public final class WsSocket extends ChannelInboundHandlerAdapter {
  private static final byte[] ESTABLISHED =
      "connection_established".getBytes(StandardCharsets.US_ASCII);
  private final String upgradeRequest;
  private final FrameListener listener;
  private final Function<Object, LoopStats> statsOf;
  private final CompletableFuture<WsSocket> established = new CompletableFuture<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private int closeCode = 1006;
  private LoopStats stats;
  private Channel channel;
  private ByteBuf carry;
  private boolean upgraded;
  private String socketId;

  private long[] lastSequence;

  /** Free for the scenario: e.g. this socket's index. */
  public int tag;

  WsSocket(
      String host,
      int port,
      String appKey,
      FrameListener listener,
      Function<Object, LoopStats> statsOf) {
    this.listener = listener;
    this.statsOf = statsOf;
    this.upgradeRequest =
        "GET /app/"
            + appKey
            + "?protocol=7&client=vask-bench&version=1 HTTP/1.1\r\nHost: "
            + host
            + ":"
            + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dmFzay1iZW5jaC1rZXkxMg==\r\nSec-WebSocket-Version: 13\r\n\r\n";
  }

  /**
   * Records {@code sequence} from {@code source}; false when it is not above the last one seen from
   * that source (a reordered or repeated delivery).
   */
  public boolean inOrder(int source, long sequence) {
    if (lastSequence == null) {
      lastSequence = new long[64];
      java.util.Arrays.fill(lastSequence, -1);
    }
    int slot = source & 63;
    boolean ordered = sequence > lastSequence[slot];
    lastSequence[slot] = sequence;
    return ordered;
  }

  public CompletableFuture<WsSocket> established() {
    return established;
  }

  /** Completes when the connection ends: the server's close code, or 1006 without a close frame. */
  public CompletableFuture<Integer> closed() {
    return closed;
  }

  public String socketId() {
    return socketId;
  }

  public LoopStats stats() {
    return stats;
  }

  public Channel channel() {
    return channel;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    stats = statsOf.apply(ctx.channel().eventLoop());
  }

  /** Sends one text message as a masked client frame (all-zero mask key) and flushes. */
  public void sendText(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    ByteBuf frame = channel.alloc().buffer(payload.length + 8);
    frame.writeByte(0x81);
    if (payload.length < 126) {
      frame.writeByte(0x80 | payload.length);
    } else {
      frame.writeByte(0x80 | 126);
      frame.writeShort(payload.length);
    }
    frame.writeInt(0);
    frame.writeBytes(payload);
    channel.writeAndFlush(frame, channel.voidPromise());
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    ctx.writeAndFlush(
        ctx.alloc().buffer().writeBytes(upgradeRequest.getBytes(StandardCharsets.US_ASCII)));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf in = (ByteBuf) msg;
    ByteBuf buf = in;
    if (carry != null && carry.isReadable()) {
      carry.writeBytes(in);
      in.release();
      buf = carry;
    }
    if (!upgraded && !readUpgrade(ctx, buf)) {
      keep(ctx, buf, in);
      return;
    }
    WsFrames.parse(this, buf);
    keep(ctx, buf, in);
  }

  private void keep(ChannelHandlerContext ctx, ByteBuf buf, ByteBuf in) {
    if (buf == in) {
      if (in.isReadable()) {
        if (carry == null) {
          carry = ctx.alloc().heapBuffer(Math.max(1024, in.readableBytes()));
        }
        carry.writeBytes(in);
      }
      in.release();
    } else {
      carry.discardReadBytes();
    }
  }

  private boolean readUpgrade(ChannelHandlerContext ctx, ByteBuf buf) {
    int end = buf.writerIndex();
    for (int i = buf.readerIndex(); i + 3 < end; i++) {
      if (buf.getByte(i) == '\r'
          && buf.getByte(i + 1) == '\n'
          && buf.getByte(i + 2) == '\r'
          && buf.getByte(i + 3) == '\n') {
        String head = buf.toString(buf.readerIndex(), 12, StandardCharsets.US_ASCII);
        buf.readerIndex(i + 4);
        if (!head.contains(" 101")) {
          established.completeExceptionally(new IllegalStateException("upgrade refused: " + head));
          ctx.close();
          return false;
        }
        upgraded = true;
        return true;
      }
    }
    return false;
  }

  void onText(ByteBuf buf, int from, int to) {
    if (socketId == null && Marker.contains(buf, from, to, ESTABLISHED)) {
      String text = buf.toString(from, to - from, StandardCharsets.UTF_8);
      int i = text.indexOf("socket_id") + "socket_id".length();
      while (i < text.length() && !Character.isDigit(text.charAt(i))) {
        i++;
      }
      int j = i;
      while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
        j++;
      }
      socketId = text.substring(i, j);
      established.complete(this);
      return;
    }
    listener.onText(this, buf, from, to);
  }

  void onClose(int code) {
    stats.closes++;
    closeCode = code;
    established.completeExceptionally(new IllegalStateException("closed with " + code));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (carry != null) {
      carry.release();
      carry = null;
    }
    established.completeExceptionally(new IllegalStateException("connection closed"));
    closed.complete(closeCode);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (stats != null) {
      stats.errors++;
    }
    ctx.close();
  }
}
