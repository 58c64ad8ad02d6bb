package io.vask.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.gateway.Gateway;
import io.vask.gateway.testing.TestGateways;
import io.vask.gateway.testing.TestSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sockets that never finish a request are closed: silent ones and slowloris ones (headers trickling
 * in forever) within the handshake deadline of their accept, idle keep-alive HTTP connections
 * within the idle timeout, each within its bound + 5 s; a client that connects meanwhile is served
 * and stays connected past the deadline.
 */
class RequestDeadlineIT {
  private static final long HANDSHAKE_MILLIS = 2000;
  private static final long IDLE_MILLIS = 3000;
  private static final long MARGIN_MILLIS = 5000;
  private static final int SILENT = 20;
  private static final int SLOWLORIS = 20;

  private Gateway gateway;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void start() throws InterruptedException {
    gateway =
        TestGateways.start(
            TestGateways.settings(30, 300_000).toBuilder()
                .set(LimitSettings.HANDSHAKE_TIMEOUT_MS, (int) HANDSHAKE_MILLIS)
                .set(LimitSettings.HTTP_IDLE_TIMEOUT_MS, (int) IDLE_MILLIS)
                .build(),
            TestGateways.app("1", true, 0, 120, false));
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
    gateway.close();
  }

  @Test
  void silentAndSlowlorisSocketsAreClosedWhileARealClientIsServed() throws Exception {
    List<Future<Long>> closedAfter = new ArrayList<>();
    for (int i = 0; i < SILENT; i++) {
      Socket socket = connect();
      long accepted = System.nanoTime();
      closedAfter.add(threads.submit(() -> millisUntilClosed(socket, null, accepted)));
    }
    for (int i = 0; i < SLOWLORIS; i++) {
      Socket socket = connect();
      String head = "GET /app/key-1?protocol=7 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n";
      long accepted = System.nanoTime();
      closedAfter.add(threads.submit(() -> millisUntilClosed(socket, head, accepted)));
    }

    try (TestSocket client = TestSocket.connect(gateway.port(), "/app/key-1?protocol=7")) {
      client.await("pusher:connection_established");
      for (Future<Long> closed : closedAfter) {
        assertThat(closed.get(HANDSHAKE_MILLIS + MARGIN_MILLIS + 5000, TimeUnit.MILLISECONDS))
            .isBetween(HANDSHAKE_MILLIS - 500, HANDSHAKE_MILLIS + MARGIN_MILLIS);
      }
      // past the deadline, the upgraded client is still served
      client.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"after\"}}");
      client.await("pusher_internal:subscription_succeeded");
      assertThat(client.isClosed()).isFalse();
    }
    assertThat(gateway.metrics().total("vask_limit_refusals_total", "reason", "handshake_timeout"))
        .isEqualTo(SILENT + SLOWLORIS);
  }

  @Test
  void anIdleKeepAliveConnectionIsClosedAfterServingItsRequests() throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = 0; i < 2; i++) {
        out.write("GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        assertThat(readResponseHead(in)).startsWith("HTTP/1.1 404");
      }
      long closed = millisUntilClosed(socket, null, System.nanoTime());
      assertThat(closed).isBetween(IDLE_MILLIS - 500, IDLE_MILLIS + MARGIN_MILLIS);
    }
    assertThat(gateway.metrics().total("vask_limit_refusals_total", "reason", "http_idle_timeout"))
        .isEqualTo(1);
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", gateway.port()), 5000);
    socket.setSoTimeout((int) (HANDSHAKE_MILLIS + IDLE_MILLIS + MARGIN_MILLIS + 5000));
    return socket;
  }

  /**
   * Reads (after sending {@code trickle} one byte at a time, 200 ms apart, and then more header
   * lines forever) until the server closes; returns the milliseconds since {@code start}.
   */
  private static long millisUntilClosed(Socket socket, String trickle, long start)
      throws Exception {
    try (socket) {
      if (trickle != null) {
        return trickleUntilClosed(socket, trickle, start);
      }
      while (socket.getInputStream().read() >= 0) {
        // anything the server sends before closing
      }
    } catch (java.net.SocketException reset) {
      // a reset is a close too
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long trickleUntilClosed(Socket socket, String head, long start)
      throws InterruptedException {
    try {
      OutputStream out = socket.getOutputStream();
      byte[] bytes = (head + "X-Pad: " + "a".repeat(10_000)).getBytes(StandardCharsets.US_ASCII);
      for (byte b : bytes) {
        out.write(b);
        out.flush();
        Thread.sleep(200);
      }
      throw new AssertionError("still open after trickling " + bytes.length + " bytes");
    } catch (IOException closed) {
      return (System.nanoTime() - start) / 1_000_000;
    }
  }

  private static String readResponseHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the response");
      }
      head.append((char) b);
    }
    int length =
        Integer.parseInt(head.toString().replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
    in.readNBytes(length);
    return head.toString();
  }
}
