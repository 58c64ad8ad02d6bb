package io.vask.operator;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vask.operator.main.OperatorSettings;
import io.vask.operator.main.VaskOperator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real operator against fabric8's CRUD mock API server on 127.0.0.1, as a JUnit extension.
 * Registered on a static field it lives for the test class; on an instance field, for each test.
 *
 * <p>It registers the committed CRD (so the status subresource behaves as on a real server) and
 * runs the operator with server-side apply off (the mock answers SSA patches with 404 or 415) and
 * leader election off unless the environment turns it on; losing the lease never exits the JVM.
 */
public final class OperatorFixture
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  public static final Path CRD = Path.of("..", "crds", "vaskapps.vask.dev-v1.yml");
  private static final int HTTP_CONFLICT = 409;

  private final Map<String, String> env;
  private Consumer<KubernetesMockServer> stubs = server -> {};
  private boolean runOperator = true;
  private KubernetesMockServer server;
  private KubernetesClient client;
  private PrometheusMeterRegistry registry;
  private Operator operator;
  private boolean perClass;

  private OperatorFixture(Map<String, String> env) {
    this.env = env;
  }

  /** The operator with its test settings and these environment variables on top. */
  public static OperatorFixture withEnv(Map<String, String> env) {
    return new OperatorFixture(env);
  }

  public static OperatorFixture withDefaults() {
    return withEnv(Map.of());
  }

  /** Expectations the mock answers before its CRUD store, set up before the operator starts. */
  public OperatorFixture withStubs(Consumer<KubernetesMockServer> stubs) {
    this.stubs = stubs;
    return this;
  }

  /** The API-server mock alone (CRD registered, stubs set): the test runs the operator itself. */
  public OperatorFixture withoutOperator() {
    this.runOperator = false;
    return this;
  }

  public KubernetesClient client() {
    return client;
  }

  /** The mock, for expectations and the requests it recorded. */
  public KubernetesMockServer server() {
    return server;
  }

  public Operator operator() {
    return operator;
  }

  /** The registry the operator's metrics go to. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  private void start() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    registerCrd(client);
    stubs.accept(server);
    if (runOperator) {
      registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      operator = VaskOperator.create(client, settings(env), registry, false);
      operator.start();
    }
  }

  private void stop() {
    try {
      if (operator != null) {
        operator.stop();
      }
    } finally {
      operator = null;
      if (client != null) {
        client.close();
      }
      if (server != null) {
        server.destroy();
      }
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

  private static void registerCrd(KubernetesClient client) {
    try (InputStream in = Files.newInputStream(CRD)) {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().load(in).item();
      client.resource(crd).create();
    } catch (KubernetesClientException e) {
      // On a loaded machine the client may retry a POST the mock already executed.
      if (e.getCode() != HTTP_CONFLICT) {
        throw e;
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + CRD, e);
    }
  }

  /** The operator's test settings (no leader election, no SSA) with {@code env} on top. */
  public static OperatorSettings settings(Map<String, String> env) {
    var all = new HashMap<String, String>();
    all.put("VASK_LEADER_ELECTION", "false");
    all.put("VASK_OPERATOR_SSA", "false");
    all.put("VASK_GATEWAY_IMAGE", "vask/gateway:test");
    all.putAll(env);
    return OperatorSettings.from(all);
  }
}
