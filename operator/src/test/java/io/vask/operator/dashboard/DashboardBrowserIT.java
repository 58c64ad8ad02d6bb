package io.vask.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.vask.operator.OperatorFixture;
import io.vask.operator.model.VaskApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard in a real browser: this test serves it against the API mock, and
 * e2e/js/browser/dashboard.mjs drives Debian's Chromium through playwright-core (signs in, lists,
 * shows credentials, opens the app's console on a real gateway with the link the dashboard signs,
 * creates, imports, is refused) and saves docs/images/dashboard.png. Then the mock must hold what
 * the browser created.
 */
class DashboardBrowserIT {
  private static final Path E2E_JS = Path.of("..", "e2e", "js").toAbsolutePath().normalize();
  private static final Path SCREENSHOT =
      Path.of("..", "docs", "images", "dashboard.png").toAbsolutePath().normalize();

  @RegisterExtension
  final OperatorFixture api =
      OperatorFixture.withDefaults().withoutOperator().withStubs(ReviewStubs.standard()::install);

  @Test
  void listCreateImportAndRefusalsInChromium() throws Exception {
    assertThat(E2E_JS.resolve("node_modules/playwright-core"))
        .as("npm packages of e2e/js: run scripts/install-test-deps")
        .isDirectory();
    assertThat(E2E_JS.resolve("../../gateway/target/vask-gateway.jar"))
        .as("the gateway jar (mvn package -pl gateway -am)")
        .isRegularFile();
    int gatewayPort = freePort();
    SeededApps.seed(api.client(), "http://127.0.0.1:" + gatewayPort);
    var settings = new DashboardSettings(true, 0, Duration.ofMinutes(10), GatewayUrls.STATUS);
    Instant started = Instant.now();
    try (var server =
        DashboardServer.start(
            Dashboards.api(settings, api.client(), Set.of("web", "chat")), "127.0.0.1", 0)) {
      String output = drive("http://127.0.0.1:" + server.port() + "/", gatewayPort);
      assertThat(output).contains("dashboard: every step passed");
    }

    VaskApp news = app("web", "news");
    assertThat(news.getSpec().features.clientEvents).isTrue();
    assertThat(news.getSpec().scaling.replicas).isEqualTo(2);
    VaskApp legacy = app("chat", "legacy");
    String secretName = legacy.getSpec().credentials.secretRef.name;
    Secret secret = api.client().secrets().inNamespace("chat").withName(secretName).get();
    assertThat(value(secret, "app_id")).isEqualTo("424242");
    assertThat(value(secret, "secret")).isEqualTo("pusher-secret");
    assertThat(app("kube-system", "nope")).isNull();
    assertThat(Files.getLastModifiedTime(SCREENSHOT).toInstant()).isAfter(started);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String drive(String url, int gatewayPort)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("vask-dashboard-browser", ".log");
    Process node =
        new ProcessBuilder(
                "node",
                "browser/dashboard.mjs",
                url,
                String.valueOf(gatewayPort),
                SCREENSHOT.toString())
            .directory(E2E_JS.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean exited = node.waitFor(3, TimeUnit.MINUTES);
    if (!exited) {
      node.destroyForcibly();
    }
    String output = Files.readString(log);
    Files.delete(log);
    assertThat(exited).as("the browser script hung:\n%s", output).isTrue();
    assertThat(node.exitValue()).as("the browser script failed:\n%s", output).isZero();
    return output;
  }

  private VaskApp app(String namespace, String name) {
    return api.client().resources(VaskApp.class).inNamespace(namespace).withName(name).get();
  }

  private static String value(Secret secret, String key) {
    if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
      return secret.getStringData().get(key);
    }
    return new String(
        Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }
}
