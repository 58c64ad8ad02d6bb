package io.vask.cli.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real gateway process ({@code java -jar gateway/target/vask-gateway.jar}, single node) serving
 * one apps file on free 127.0.0.1 ports; restarted on other ports if one was taken meanwhile.
 */
public final class GatewayUnderTest implements AutoCloseable {
  public static final Path JAR = Path.of("..", "gateway", "target", "vask-gateway.jar");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final Process process;
  public final int port;
  private final int metricsPort;

  private GatewayUnderTest(Process process, int port, int metricsPort) {
    this.process = process;
    this.port = port;
    this.metricsPort = metricsPort;
  }

  public static GatewayUnderTest start(String appsJson, Path dir) throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: mvn package builds it");
    }
    Path apps = dir.resolve("apps.json");
    Files.writeString(apps, appsJson);
    for (int attempt = 1; ; attempt++) {
      GatewayUnderTest gateway = launch(apps, dir.resolve("gateway.log"));
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> gateway.ready() || !gateway.process.isAlive());
      if (gateway.ready() || attempt == 3) {
        return gateway;
      }
    }
  }

  private static GatewayUnderTest launch(Path apps, Path log) throws IOException {
    int port = freePort();
    int metricsPort = freePort();
    var builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                JAR.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    var env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("VASK_"));
    env.put("VASK_HOST", "127.0.0.1");
    env.put("VASK_PORT", Integer.toString(port));
    env.put("VASK_METRICS_PORT", Integer.toString(metricsPort));
    env.put("VASK_APPS_FILE", apps.toString());
    env.put("VASK_IO_THREADS", "1");
    env.put("VASK_DRAIN_SECONDS", "1");
    return new GatewayUnderTest(builder.start(), port, metricsPort);
  }

  public static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private boolean ready() {
    try {
      var request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/ready"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
