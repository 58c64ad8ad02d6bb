package io.vask.bench.jmh;

import io.vask.contract.settings.InvalidSettings;
import io.vask.gateway.GatewaySettings;
import java.util.Map;

/** The smallest valid gateway environment: one app, one I/O thread. */
final class GatewayEnv {
  static final Map<String, String> MINIMAL =
      Map.of(
          "VASK_APP_ID", "bench",
          "VASK_APP_KEY", "bench-key",
          "VASK_APP_SECRET", "bench-secret",
          "VASK_IO_THREADS", "1");

  private GatewayEnv() {}

  static GatewaySettings settings() {
    try {
      return GatewaySettings.fromEnvironment(MINIMAL);
    } catch (InvalidSettings e) {
      throw new IllegalStateException(e);
    }
  }
}
