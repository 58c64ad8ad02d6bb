package io.vask.gateway.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway as its own process ({@code java -jar gateway/target/vask-gateway.jar}), started with
 * VASK_* variables on free ports, as a pod would run it. {@link #kill} is {@code kill -9}.
 */
public final class GatewayProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final Process process;
  public final int port;
  public final int metricsPort;
  public final String name;

  private GatewayProcess(Process process, String name, int port, int metricsPort) {
    this.process = process;
    this.name = name;
    this.port = port;
    this.metricsPort = metricsPort;
  }

  /**
   * Starts the process and waits until it is ready; a free port picked here may be taken by someone
   * else before the gateway binds it, so a process that exits is started again on others.
   */
  public static GatewayProcess start(String name, String natsUrl, Path appsFile, Path logDir)
      throws IOException {
    return start(name, natsUrl, appsFile, logDir, Map.of());
  }

  /** As above, with {@code env} added to the process environment (e.g. NATS credentials). */
  public static GatewayProcess start(
      String name, String natsUrl, Path appsFile, Path logDir, Map<String, String> extraEnv)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      GatewayProcess gateway = launch(name, natsUrl, appsFile, logDir, extraEnv);
      await().atMost(Duration.ofSeconds(60)).until(() -> gateway.ready() || !gateway.alive());
      if (gateway.ready() || attempt == 3) {
        return gateway;
      }
    }
  }

  private static GatewayProcess launch(
      String name, String natsUrl, Path appsFile, Path logDir, Map<String, String> extraEnv)
      throws IOException {
    int port = NatsServer.freePort();
    int metricsPort = NatsServer.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("VASK_HOST", "127.0.0.1");
    env.put("VASK_PORT", Integer.toString(port));
    env.put("VASK_METRICS_PORT", Integer.toString(metricsPort));
    env.put("VASK_APPS_FILE", appsFile.toString());
    env.put("VASK_NATS_URL", natsUrl);
    env.put("VASK_NODE_ID", name);
    env.put("VASK_IO_THREADS", "1");
    env.put("VASK_DRAIN_SECONDS", "1");
    env.putAll(extraEnv);
    return new GatewayProcess(builder.start(), name, port, metricsPort);
  }

  private static Path jar() {
    Path here = Path.of("target", "vask-gateway.jar");
    if (here.toFile().exists()) {
      return here.toAbsolutePath();
    }
    return Path.of("gateway", "target", "vask-gateway.jar").toAbsolutePath();
  }

  /** What {@code /ready} says: true once the node reached the cluster, until it drains. */
  public boolean ready() {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The body of {@code /ready} (empty when the node does not answer). */
  public String readiness() {
    return metricsPortBody("/ready");
  }

  /** The Prometheus text of {@code /metrics} (empty when the node does not answer). */
  public String metrics() {
    return metricsPortBody("/metrics");
  }

  private String metricsPortBody(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no drain, no goodbye to NATS. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
