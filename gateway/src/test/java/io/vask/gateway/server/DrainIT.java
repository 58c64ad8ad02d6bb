package io.vask.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.gateway.Gateway;
import io.vask.gateway.testing.TestGateways;
import io.vask.gateway.testing.TestSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown (ARCHITECTURE.md §3): every socket is closed with 4200 (reconnect immediately,
 * never 4009) spread over the drain window, and presence members leave.
 */
class DrainIT {

  @Test
  void drainClosesEverySocketWith4200() {
    Gateway gateway =
        TestGateways.start(
            TestGateways.settings(30, 30_000), TestGateways.app("1", true, 0, 120, false));
    List<TestSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        TestSocket socket = TestSocket.connect(gateway.port(), "/app/key-1");
        socket.socketId();
        sockets.add(socket);
      }
      CompletableFuture<Void> drained =
          CompletableFuture.runAsync(() -> gateway.drainAndClose(1, 1000));
      for (TestSocket socket : sockets) {
        assertThat(socket.closeCode(10)).isEqualTo(4200);
      }
      drained.join();
      assertThat(gateway.metrics().total("vask_errors_total", "code", "4200")).isEqualTo(10);
    } finally {
      sockets.forEach(TestSocket::close);
    }
  }
}
