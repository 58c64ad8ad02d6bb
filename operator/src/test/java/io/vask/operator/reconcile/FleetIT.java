package io.vask.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import io.vask.operator.main.VaskOperator;
import io.vask.operator.model.VaskApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * At fleet size: {@value #FLEET} VaskApps reach Ready, and a resync of the unchanged fleet (a
 * restarted operator reconciles every app again) sends no write request to the API server. The time
 * to Ready and the heap are printed for docs/kubernetes.md, never asserted.
 */
class FleetIT {
  static final int FLEET = 200;
  private static final Duration PATIENCE = Duration.ofMinutes(15);

  @RegisterExtension
  final OperatorFixture cluster = OperatorFixture.withDefaults().withoutOperator();

  KubernetesClient client;
  KubernetesMockServer server;
  Operator operator;

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.stop();
    }
  }

  @Test
  void aFleetGetsReadyAndAResyncWritesNothing() throws Exception {
    client = cluster.client();
    server = cluster.server();
    operator = startOperator();
    long heapBefore = usedHeap();
    long start = System.nanoTime();
    for (int i = 0; i < FLEET; i++) {
      client.resource(VaskApps.named(name(i), "test")).create();
    }
    awaitFleetReady();
    long readyMillis = (System.nanoTime() - start) / 1_000_000;
    long heapAfter = usedHeap();
    System.out.printf(
        "fleet: %d VaskApps Ready in %d ms; used heap %d MiB (+%d MiB for the fleet, operator and"
            + " mock server in one JVM)%n",
        FLEET, readyMillis, heapAfter >> 20, (heapAfter - heapBefore) >> 20);

    operator.stop();
    drain();
    operator = startOperator();
    List<RecordedRequest> resync = requestsUntilEveryAppWasReconciled();
    Thread.sleep(2000); // a late write would show up here
    resync.addAll(drain());
    assertThat(resync)
        .as("requests of the resync")
        .filteredOn(r -> !"GET".equals(r.getMethod()))
        .extracting(r -> r.getMethod() + " " + r.getPath())
        .isEmpty();
  }

  private Operator startOperator() {
    var started =
        VaskOperator.create(
            client,
            OperatorFixture.settings(Map.of()),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            false);
    started.start();
    return started;
  }

  private void awaitFleetReady() {
    Set<String> marked = new HashSet<>();
    Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (int i = 0; i < FLEET; i++) {
                var app = new Children(client, name(i));
                if (!marked.contains(name(i)) && app.deployment() != null) {
                  app.markDeploymentReady(); // the Deployment controller's part
                  marked.add(name(i));
                }
              }
              return client.resources(VaskApp.class).list().getItems().stream()
                      .filter(a -> a.getStatus() != null && a.getStatus().isReady())
                      .count()
                  == FLEET;
            });
  }

  /** Every reconcile reads its app's apps-file Secret by name: 200 distinct reads = all done. */
  private List<RecordedRequest> requestsUntilEveryAppWasReconciled() throws InterruptedException {
    var requests = new ArrayList<RecordedRequest>();
    Set<String> reconciled = new HashSet<>();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (reconciled.size() < FLEET && System.nanoTime() < deadline) {
      RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
      if (request == null) {
        continue;
      }
      requests.add(request);
      String path = request.getPath();
      if ("GET".equals(request.getMethod()) && path.matches(".*/secrets/fleet-\\d+-apps")) {
        reconciled.add(path);
      }
    }
    assertThat(reconciled).as("apps reconciled by the resync").hasSize(FLEET);
    return requests;
  }

  private List<RecordedRequest> drain() throws InterruptedException {
    var requests = new ArrayList<RecordedRequest>();
    RecordedRequest request;
    while ((request = server.takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
    }
    return requests;
  }

  private static long usedHeap() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static String name(int i) {
    return "fleet-" + i;
  }
}
