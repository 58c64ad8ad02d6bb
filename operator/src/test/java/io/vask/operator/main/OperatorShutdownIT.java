package io.vask.operator.main;

import static io.vask.operator.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged operator run as a process against the API-server mock: SIGTERM (what the kubelet
 * sends) stops it within 5 s, and a leader hands its Lease over instead of leaving it to expire.
 */
class OperatorShutdownIT {
  static final Path JAR = Path.of("target", "vask-operator.jar");
  static final long STOP_BOUND_SECONDS = 5;
  static final String POD = "vask-operator-shutdown-0";
  static final int SIGTERM_EXIT = 128 + 15;

  @RegisterExtension
  final OperatorFixture cluster =
      OperatorFixture.withDefaults().withoutOperator().withStubs(OperatorFixture::allowLeases);

  KubernetesClient client;
  Process operator;

  @BeforeEach
  void cluster() {
    client = cluster.client();
  }

  @AfterEach
  void kill() {
    if (operator != null && operator.isAlive()) {
      operator.destroyForcibly();
    }
  }

  @Test
  void leaderStopsWithinFiveSecondsOfSigtermAndReleasesItsLease() throws Exception {
    operator = start("leader", Map.of("VASK_LEADER_ELECTION", "true"));
    eventually().untilAsserted(() -> assertThat(holder()).as("Lease holder").isEqualTo(POD));
    reconcilesAnApp("led");

    operator.destroy(); // SIGTERM on Linux

    assertThat(operator.waitFor(STOP_BOUND_SECONDS, TimeUnit.SECONDS))
        .as("operator exited within %d s of SIGTERM; log: %s", STOP_BOUND_SECONDS, log("leader"))
        .isTrue();
    assertThat(operator.exitValue()).isEqualTo(SIGTERM_EXIT);
    assertThat(holder()).as("Lease holder after shutdown").isEmpty();
  }

  @Test
  void withoutLeaderElectionItAlsoStopsWithinFiveSeconds() throws Exception {
    operator = start("single", Map.of("VASK_LEADER_ELECTION", "false"));
    reconcilesAnApp("solo");

    operator.destroy();

    assertThat(operator.waitFor(STOP_BOUND_SECONDS, TimeUnit.SECONDS))
        .as("operator exited within %d s of SIGTERM; log: %s", STOP_BOUND_SECONDS, log("single"))
        .isTrue();
    assertThat(operator.exitValue()).isEqualTo(SIGTERM_EXIT);
    assertThat(client.leases().inNamespace("test").withName(LeaderLease.NAME).get()).isNull();
  }

  private void reconcilesAnApp(String name) {
    client.resource(VaskApps.named(name, "test")).create();
    var app = new Children(client, name);
    eventually().untilAsserted(() -> assertThat(app.status().key).isNotNull());
  }

  private String holder() {
    var lease = client.leases().inNamespace("test").withName(LeaderLease.NAME).get();
    assertThat(lease).as("Lease").isNotNull();
    return lease.getSpec().getHolderIdentity();
  }

  private Process start(String name, Map<String, String> settings) throws IOException {
    assertThat(JAR).as("packaged operator (mvn package)").exists();
    var builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(logFile(name).toFile());
    var env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("VASK_") || key.startsWith("KUBERNETES_"));
    env.put("KUBERNETES_MASTER", client.getMasterUrl().toString());
    env.put("KUBERNETES_TRUST_CERTIFICATES", "true");
    env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
    env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
    env.put("KUBERNETES_NAMESPACE", "test");
    env.put("VASK_OPERATOR_PORT", "0");
    env.put("VASK_OPERATOR_SSA", "false");
    env.put("VASK_OPERATOR_NAMESPACES", "test");
    env.put("POD_NAME", POD);
    env.put("POD_NAMESPACE", "test");
    env.putAll(settings);
    return builder.start();
  }

  private static Path logFile(String name) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "operator-shutdown"));
    return dir.resolve(name + ".log");
  }

  private static String log(String name) throws IOException {
    return Files.readString(logFile(name));
  }
}
