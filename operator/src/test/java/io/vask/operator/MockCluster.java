package io.vask.operator;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vask.operator.main.OperatorSettings;
import io.vask.operator.main.VaskOperator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the real operator against fabric8's CRUD mock API server: registers the committed CRD (so
 * the status subresource behaves as on a real server) and turns server-side apply off, which the
 * mock does not implement.
 */
public final class MockCluster {
  public static final Path CRD = Path.of("..", "crds", "vaskapps.vask.dev-v1.yml");

  private MockCluster() {}

  public static void registerCrd(KubernetesClient client) {
    try (InputStream in = Files.newInputStream(CRD)) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.resource(crd).create();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + CRD, e);
    }
  }

  /** The mock answers 422 to the RBAC pre-check JOSDK makes before leader election. */
  public static void allowLeases(KubernetesMockServer server) {
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(
            201,
            new SelfSubjectRulesReviewBuilder()
                .withNewStatus()
                .addNewResourceRule()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("*")
                .endResourceRule()
                .endStatus()
                .build())
        .always();
  }

  public static OperatorSettings settings(Map<String, String> env) {
    var all = new java.util.HashMap<String, String>();
    all.put("VASK_LEADER_ELECTION", "false");
    all.put("VASK_OPERATOR_SSA", "false");
    all.put("VASK_GATEWAY_IMAGE", "vask/gateway:test");
    all.putAll(env);
    return OperatorSettings.from(all);
  }

  public static Operator start(KubernetesClient client, OperatorSettings settings) {
    var operator =
        VaskOperator.create(
            client, settings, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), false);
    operator.start();
    return operator;
  }
}
