package io.vask.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vask.operator.GatewayPod;
import io.vask.operator.plan.Credentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real gateway process (the shaded jar) serving one app on free 127.0.0.1 ports. */
final class GatewayJar implements AutoCloseable {
  final int port;
  private final Process process;
  private final Path log;

  private GatewayJar(int port, Process process, Path log) {
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Starts the gateway as pod {@code pod} and waits until it is ready. */
  static GatewayJar start(Credentials app, String pod) throws IOException {
    assertThat(GatewayPod.GATEWAY_JAR)
        .as("the gateway jar; build it first: mvn -pl gateway -am package")
        .exists();
    Path dir = Files.createTempDirectory("vask-dashboard-gateway");
    Path apps = dir.resolve("apps.json");
    Files.writeString(
        apps,
        "{\"apps\":[{\"id\":\"%s\",\"key\":\"%s\",\"secret\":\"%s\"}]}"
            .formatted(app.appId(), app.key(), app.secret()));
    int port = freePort();
    int metrics = freePort();
    var builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                GatewayPod.GATEWAY_JAR.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("gateway.log").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("VASK_"));
    builder.environment().put("VASK_HOST", "127.0.0.1");
    builder.environment().put("VASK_PORT", String.valueOf(port));
    builder.environment().put("VASK_METRICS_PORT", String.valueOf(metrics));
    builder.environment().put("VASK_APPS_FILE", apps.toString());
    builder.environment().put("VASK_NODE_ID", pod);
    builder.environment().put("VASK_DRAIN_SECONDS", "0");
    var gateway = new GatewayJar(port, builder.start(), dir.resolve("gateway.log"));
    gateway.awaitReady(metrics);
    return gateway;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitReady(int metrics) {
    var http = HttpClient.newHttpClient();
    var ready = URI.create("http://127.0.0.1:" + metrics + "/ready");
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(process.isAlive()).as("gateway process (see %s)", log).isTrue();
              var response =
                  http.send(
                      HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString());
              assertThat(response.statusCode()).isEqualTo(200);
            });
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
