package io.vask.operator.main;

import static io.vask.operator.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Leader election through a Lease, probes and Prometheus metrics, as Main wires them. */
class OperatorProcessIT {
  @RegisterExtension
  final OperatorFixture cluster =
      OperatorFixture.withEnv(
              Map.of(
                  "VASK_LEADER_ELECTION", "true",
                  "VASK_OPERATOR_NAMESPACES", "test",
                  "POD_NAME", "vask-operator-0",
                  "POD_NAMESPACE", "test"))
          .withStubs(OperatorFixture::allowLeases);

  ProbeServer probes;

  @AfterEach
  void stop() {
    if (probes != null) {
      probes.close();
    }
  }

  @Test
  void leaderReconcilesAndServesProbesAndMetrics() throws Exception {
    var client = cluster.client();
    probes = ProbeServer.start(0, cluster.operator().getRuntimeInfo(), cluster.registry());

    eventually()
        .untilAsserted(
            () -> {
              var lease =
                  client.leases().inNamespace("test").withName(VaskOperator.LEASE_NAME).get();
              assertThat(lease).isNotNull();
              assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("vask-operator-0");
            });
    client.resource(VaskApps.named("led", "test")).create();
    var led = new Children(client, "led");
    eventually().untilAsserted(() -> assertThat(led.status().key).isNotNull());

    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/ready").statusCode()).isEqualTo(200);
    var metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("operator_sdk_reconciliations_started_total")
        .doesNotContain("name=\"led\"");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probes.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
