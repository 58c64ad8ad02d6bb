package io.vask.e2e;

import static io.vask.e2e.support.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.AppSettings;
import io.vask.e2e.support.E2eGateway;
import io.vask.e2e.support.Inbox;
import io.vask.e2e.support.SdkClient;
import io.vask.e2e.support.TestApps;
import io.vask.gateway.limit.LimitSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sockets that never finish their upgrade (silent, or slowloris: headers trickling in) are all
 * closed within the handshake deadline + 5 s of their accept, while pusher-java-client connects,
 * subscribes and receives an event meanwhile (issue 13).
 */
class HandshakeDeadlineIT {
  private static final AppSettings APP = TestApps.app("deadline");
  private static final int DEADLINE_MILLIS = 3000;
  private static final int MARGIN_MILLIS = 5000;

  @Test
  void silentAndSlowlorisSocketsCloseWhileARealClientIsServed() throws Exception {
    var settings =
        E2eGateway.settings().build().toBuilder()
            .set(LimitSettings.HANDSHAKE_TIMEOUT_MS, DEADLINE_MILLIS)
            .build();
    ExecutorService threads = Executors.newCachedThreadPool();
    try (E2eGateway gateway = E2eGateway.start(settings, APP)) {
      List<Future<Long>> closed = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        boolean slowloris = i % 2 == 0;
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", gateway.port()), 5000);
        socket.setSoTimeout(DEADLINE_MILLIS + MARGIN_MILLIS + 5000);
        long accepted = System.nanoTime();
        closed.add(threads.submit(() -> millisUntilClosed(socket, slowloris, accepted)));
      }

      try (SdkClient client = gateway.client(APP, null, null)) {
        client.connect();
        Inbox news = client.subscribe("news", "update");
        news.awaitSubscribed();
        ok(gateway.api(APP).trigger("news", "update", Map.of("n", 1)));
        assertThat(news.awaitEvent("update").getData()).isEqualTo("{\"n\":1}");

        for (Future<Long> f : closed) {
          assertThat(f.get(DEADLINE_MILLIS + MARGIN_MILLIS + 5000, TimeUnit.MILLISECONDS))
              .isLessThanOrEqualTo(DEADLINE_MILLIS + MARGIN_MILLIS);
        }
        assertThat(client.states())
            .doesNotContain(com.pusher.client.connection.ConnectionState.RECONNECTING);
      }
      assertThat(
              gateway.metrics().total("vask_limit_refusals_total", "reason", "handshake_timeout"))
          .isEqualTo(30);
    } finally {
      threads.shutdownNow();
    }
  }

  /** Silent: reads until the end. Slowloris: sends header bytes 200 ms apart until refused. */
  private static long millisUntilClosed(Socket socket, boolean slowloris, long start)
      throws Exception {
    try (socket) {
      if (slowloris) {
        OutputStream out = socket.getOutputStream();
        byte[] head =
            ("GET /app/"
                    + APP.key()
                    + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nX-Pad: "
                    + "a".repeat(10_000))
                .getBytes(StandardCharsets.US_ASCII);
        for (byte b : head) {
          out.write(b);
          out.flush();
          Thread.sleep(200);
        }
        throw new AssertionError("still open after " + head.length + " header bytes");
      }
      while (socket.getInputStream().read() >= 0) {
        // until the server closes
      }
    } catch (IOException closedByServer) {
      // a reset or a refused write: closed
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
