package io.vask.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.AppSettings;
import io.vask.contract.AppsFile;
import io.vask.contract.AppsFileCodec;
import io.vask.gateway.Gateway;
import io.vask.gateway.app.FileAppRegistry;
import io.vask.gateway.cluster.local.LocalCluster;
import io.vask.gateway.testing.TestGateways;
import io.vask.gateway.testing.TestSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An apps-file reload reaches live sockets: those of a disabled app are closed with 4003, of a
 * removed app with 4001; sockets of unchanged apps carry on.
 */
class AppReloadIT {
  @TempDir Path dir;
  private Gateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void disablingOrRemovingAnAppClosesItsSocketsAndNoOthers() throws Exception {
    AppSettings kept = TestGateways.app("kept", true, 0, 120, false);
    AppSettings disabled = TestGateways.app("disabled", true, 0, 120, false);
    AppSettings removed = TestGateways.app("removed", true, 0, 120, false);
    Path file = dir.resolve("apps.json");
    write(file, List.of(kept, disabled, removed));
    gateway =
        Gateway.start(
            TestGateways.settings(30, 300_000),
            new FileAppRegistry(file, 50),
            LocalCluster.create(Clock.systemUTC()),
            Clock.systemUTC());

    try (TestSocket onKept = connect(kept);
        TestSocket onDisabled = connect(disabled);
        TestSocket onRemoved = connect(removed)) {
      write(file, List.of(kept, TestGateways.app("disabled", false, 0, 120, false)));

      assertThat(onDisabled.closeCode(10)).isEqualTo(4003);
      assertThat(onRemoved.closeCode(10)).isEqualTo(4001);
      onKept.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"still\"}}");
      onKept.await("pusher_internal:subscription_succeeded");
      assertThat(onKept.isClosed()).isFalse();
    }
    assertThat(gateway.metrics().total("vask_limit_refusals_total", "reason", "app_disabled"))
        .isEqualTo(1);
    assertThat(gateway.metrics().total("vask_limit_refusals_total", "reason", "app_removed"))
        .isEqualTo(1);
  }

  private TestSocket connect(AppSettings app) {
    TestSocket socket = TestSocket.connect(gateway.port(), "/app/" + app.key() + "?protocol=7");
    socket.await("pusher:connection_established");
    return socket;
  }

  private static void write(Path file, List<AppSettings> apps) throws Exception {
    Path next = file.resolveSibling("apps.next");
    Files.write(next, AppsFileCodec.renderBytes(new AppsFile(apps)));
    Files.move(next, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
