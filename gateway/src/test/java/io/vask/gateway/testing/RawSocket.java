package io.vask.gateway.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client over a plain TCP socket, for what a well-behaved client library won't do:
 * never answer pings, never read, send oversize frames. Frames are read one at a time on demand.
 */
public final class RawSocket implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  /** One frame as read: opcode and payload. */
  public record Frame(int opcode, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The close code of a close frame. */
    public int closeCode() {
      return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    }
  }

  private RawSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects and upgrades; {@code receiveBuffer} shrinks the kernel buffer for slow readers. */
  public static RawSocket upgrade(int port, String path, int receiveBuffer) throws IOException {
    return upgrade(port, path, receiveBuffer, "");
  }

  /** Connects and upgrades with extra header lines ({@code "Origin: …\r\n"}). */
  public static RawSocket upgrade(int port, String path, int receiveBuffer, String extraHeaders)
      throws IOException {
    Socket socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(15_000);
    RawSocket raw = new RawSocket(socket);
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\nSec-WebSocket-Version: 13\r\n"
            + extraHeaders
            + "\r\n";
    raw.out.write(request.getBytes(StandardCharsets.US_ASCII));
    raw.out.flush();
    String status = raw.readHeaders();
    if (!status.startsWith("HTTP/1.1 101")) {
      throw new IOException("upgrade refused: " + status);
    }
    return raw;
  }

  private String readHeaders() throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during handshake");
      }
      head.append((char) b);
    }
    return head.toString();
  }

  public void sendText(String text) throws IOException {
    sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends one masked frame, as clients must. */
  public void sendFrame(int opcode, byte[] payload) throws IOException {
    int length = payload.length;
    java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream(length + 14);
    frame.write(0x80 | opcode);
    if (length < 126) {
      frame.write(0x80 | length);
    } else if (length <= 0xFFFF) {
      frame.write(0x80 | 126);
      frame.write(length >> 8);
      frame.write(length);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) length >> shift));
      }
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.write(mask);
    for (int i = 0; i < length; i++) {
      frame.write(payload[i] ^ mask[i & 3]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  /** Reads the next frame (blocking, up to the socket timeout). */
  public Frame read() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[(int) length];
    in.readFully(payload);
    return new Frame(first & 0x0F, payload);
  }

  /** Reads until a text frame containing {@code needle}, or a close frame. */
  public Frame readUntil(String needle) throws IOException {
    while (true) {
      Frame frame = read();
      if (frame.opcode() == 0x8 || (frame.opcode() == 0x1 && frame.text().contains(needle))) {
        return frame;
      }
    }
  }

  public InputStream input() {
    return in;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
