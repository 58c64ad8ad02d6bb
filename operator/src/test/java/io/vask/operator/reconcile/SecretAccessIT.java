package io.vask.operator.reconcile;

import static io.vask.operator.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vask.operator.Children;
import io.vask.operator.OperatorFixture;
import io.vask.operator.VaskApps;
import io.vask.operator.main.VaskOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Least privilege, counted at the API server: the operator's Secret requests name a Secret that a
 * VaskApp involves (its generated credentials, its apps file, the credentials it imports), and it
 * never lists or watches Secrets, which RBAC then need not allow.
 */
class SecretAccessIT {
  static final String AGENT = "vask-operator-under-test";
  static final Pattern NAMED_SECRET =
      Pattern.compile("/api/v1/namespaces/test/secrets/(?<name>[^/?]+)(\\?.*)?");
  static final Pattern SECRET_COLLECTION =
      Pattern.compile("/api/v1/(namespaces/[^/]+/)?secrets(\\?.*)?");

  @RegisterExtension
  final OperatorFixture cluster = OperatorFixture.withDefaults().withoutOperator();

  KubernetesClient operatorClient;
  Operator operator;

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.stop();
    }
    if (operatorClient != null) {
      operatorClient.close();
    }
  }

  @Test
  void operatorTouchesOnlyTheSecretsVaskAppsNameAndNeverListsSecrets() throws Exception {
    KubernetesClient client = cluster.client();
    client.resource(CredentialsIT.pusherSecret("bystander", "1", "k", "s")).create();
    client.resource(CredentialsIT.pusherSecret("imported", "42", "impkey", "imps")).create();
    startOperator();

    client.resource(VaskApps.named("gen", "test")).create();
    client.resource(CredentialsIT.importing("imp", "imported")).create();
    var gen = new Children(client, "gen");
    var imp = new Children(client, "imp");
    eventually().untilAsserted(() -> assertThat(gen.status().key).isNotNull());
    eventually().untilAsserted(() -> assertThat(imp.status().key).isEqualTo("impkey"));
    // A rotation still reaches the apps file without any watch on Secrets.
    client.resource(CredentialsIT.pusherSecret("imported", "42", "impkey", "rotated")).update();
    eventually().untilAsserted(() -> assertThat(imp.appsFile().secret()).isEqualTo("rotated"));

    List<RecordedRequest> secretRequests =
        operatorRequests().stream().filter(r -> r.getPath().contains("/secrets")).toList();
    assertThat(secretRequests).as("the operator's Secret requests").isNotEmpty();
    assertThat(secretRequests)
        .noneMatch(r -> r.getMethod().equals("GET") && isCollection(r))
        .allSatisfy(
            r -> {
              if (isCollection(r)) {
                assertThat(r.getMethod()).as("%s", r.getRequestLine()).isEqualTo("POST");
              } else {
                assertThat(secretName(r))
                    .as("%s", r.getRequestLine())
                    .isIn("gen-credentials", "gen-apps", "imp-credentials", "imp-apps", "imported");
              }
            });
    assertThat(secretRequests).noneMatch(r -> r.getPath().contains("bystander"));
    Secret imported = client.secrets().withName("imported").get();
    assertThat(imported.getMetadata().getOwnerReferences()).isEmpty();
  }

  private void startOperator() {
    operatorClient =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(cluster.client().getConfiguration()).withUserAgent(AGENT).build())
            .build();
    operator =
        VaskOperator.create(
            operatorClient,
            OperatorFixture.settings(Map.of()),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            false);
    operator.start();
  }

  /** Every request the mock recorded from the operator's client so far. */
  private List<RecordedRequest> operatorRequests() throws InterruptedException {
    var requests = new ArrayList<RecordedRequest>();
    RecordedRequest request;
    while ((request = cluster.server().takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
      if (AGENT.equals(request.getHeader("User-Agent"))) {
        requests.add(request);
      }
    }
    return requests;
  }

  private static boolean isCollection(RecordedRequest request) {
    return SECRET_COLLECTION.matcher(request.getPath()).matches();
  }

  private static String secretName(RecordedRequest request) {
    var matcher = NAMED_SECRET.matcher(request.getPath());
    assertThat(matcher.matches()).as("%s", request.getRequestLine()).isTrue();
    return matcher.group("name");
  }
}
