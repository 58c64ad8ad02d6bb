package io.vask.operator;

import static io.vask.operator.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the gateway container of a Deployment as a local process, the way a kubelet would: Secret
 * volumes are written to files at their mount paths (relocated under a work folder), env values and
 * field references are resolved, and the readiness probe is polled. Only the container ports are
 * remapped to free local ports, since every pod has its own network namespace and this host has
 * one. The image's entrypoint is {@code java -jar vask-gateway.jar}, so that is what runs.
 */
public final class GatewayPod implements AutoCloseable {
  public static final Path GATEWAY_JAR = Path.of("..", "gateway", "target", "vask-gateway.jar");

  /** Env vars naming the ports the gateway listens on, relocated with the ports themselves. */
  private static final Map<String, String> PORT_ENV =
      Map.of("VASK_PORT", "http", "VASK_METRICS_PORT", "metrics");

  private final KubernetesClient client;
  private final Deployment deployment;
  private final Path root;
  private final Map<String, Integer> ports = new HashMap<>();
  private Process process;

  private GatewayPod(KubernetesClient client, Deployment deployment, Path root) {
    this.client = client;
    this.deployment = deployment;
    this.root = root;
  }

  public static GatewayPod start(
      KubernetesClient client, Deployment deployment, String podName, Path root)
      throws IOException {
    assertThat(GATEWAY_JAR)
        .as("the gateway jar; build it first: mvn -pl gateway -am package")
        .exists();
    var pod = new GatewayPod(client, deployment, root);
    for (var port : pod.container().getPorts()) {
      pod.ports.put(port.getName(), freePort());
    }
    pod.syncVolumes();
    var builder =
        new ProcessBuilder(javaBinary(), "-jar", GATEWAY_JAR.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("gateway.log").toFile());
    builder.environment().clear();
    builder.environment().putAll(pod.env(podName));
    pod.process = builder.start();
    return pod;
  }

  /** The kubelet refreshes mounted Secrets when they change; tests call this instead of waiting. */
  public void syncVolumes() throws IOException {
    for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
      Path dir = root.resolve("volumes").resolve(volume.getName());
      Files.createDirectories(dir);
      if (volume.getSecret() != null) {
        Secret secret = client.secrets().withName(volume.getSecret().getSecretName()).require();
        for (var entry : secret.getData().entrySet()) {
          Path file = dir.resolve(entry.getKey());
          Path next = dir.resolve("." + entry.getKey() + ".tmp");
          Files.write(next, Base64.getDecoder().decode(entry.getValue()));
          // Atomic, like the kubelet's symlink swap: the gateway never reads half a file.
          Files.move(
              next,
              file,
              java.nio.file.StandardCopyOption.REPLACE_EXISTING,
              java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
      }
    }
  }

  public int port(String name) {
    return ports.get(name);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Polls the container's readiness probe until it answers 200. */
  public void awaitReady() {
    var probe = container().getReadinessProbe().getHttpGet();
    var uri = URI.create("http://127.0.0.1:" + port(probe.getPort().getStrVal()) + probe.getPath());
    var http = HttpClient.newHttpClient();
    eventually()
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(process.isAlive()).as("gateway process (see %s)", log()).isTrue();
              var response =
                  http.send(
                      HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
              assertThat(response.statusCode()).isEqualTo(200);
            });
  }

  public Path log() {
    return root.resolve("gateway.log");
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy(); // SIGTERM: the gateway drains, as in a pod
      if (!process.waitFor(
          container().getEnv().stream()
                  .filter(e -> e.getName().equals("VASK_DRAIN_SECONDS"))
                  .mapToLong(e -> Long.parseLong(e.getValue()))
                  .findFirst()
                  .orElse(10)
              + 5,
          TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private Container container() {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private Map<String, String> env(String podName) {
    var env = new HashMap<String, String>();
    env.put("PATH", System.getenv("PATH"));
    for (EnvVar var : container().getEnv()) {
      if (PORT_ENV.containsKey(var.getName())) {
        env.put(var.getName(), String.valueOf(port(PORT_ENV.get(var.getName()))));
      } else if (var.getValueFrom() != null) {
        String field = var.getValueFrom().getFieldRef().getFieldPath();
        assertThat(field).as("supported field reference").isEqualTo("metadata.name");
        env.put(var.getName(), podName);
      } else {
        env.put(var.getName(), relocate(var.getValue()));
      }
    }
    return env;
  }

  /** A path under a volume mount points into that volume's local folder. */
  private String relocate(String value) {
    for (var mount : container().getVolumeMounts()) {
      String prefix = mount.getMountPath() + "/";
      if (value.startsWith(prefix)) {
        return root.resolve("volumes")
            .resolve(mount.getName())
            .resolve(value.substring(prefix.length()))
            .toString();
      }
    }
    return value;
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
