package io.vask.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vask.operator.VaskApps;
import io.vask.operator.reconcile.SpecValidator;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every CEL rule of the committed CRD ({@code x-kubernetes-validations}), evaluated by CEL for Java
 * as the API server would (the mock does not): each accepts a valid spec and rejects an invalid
 * one, and the operator's own {@link SpecValidator} agrees on both. A rule without a case here
 * fails.
 */
class CelRulesTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .setResultType(SimpleType.BOOL)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  /** A rule where the CRD declares it: the schema path its {@code self} is, e.g. spec.scaling. */
  record Rule(String path, String expression, String message) {}

  /** The rule with {@code message}, an app it accepts and apps it rejects. */
  record Case(String message, Consumer<VaskApp> valid, List<Consumer<VaskApp>> invalid) {}

  private static Map<String, Rule> rules;

  @BeforeAll
  static void readTheCommittedCrd() throws Exception {
    var crd =
        JSON.unmarshal(
            Files.readString(CrdDriftTest.COMMITTED.get(0)), CustomResourceDefinition.class);
    var found = new ArrayList<Rule>();
    collect("", crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema(), found);
    rules = found.stream().collect(Collectors.toMap(Rule::message, rule -> rule));
    assertThat(rules).as("messages are unique").hasSameSizeAs(found);
  }

  @Test
  void everyRuleAcceptsTheValidSpecAndRejectsTheInvalidOnes() throws Exception {
    List<Case> cases = cases();
    assertThat(cases)
        .extracting(Case::message)
        .as("every rule of the CRD has a case")
        .containsExactlyInAnyOrderElementsOf(rules.keySet());
    for (Case c : cases) {
      Rule rule = rules.get(c.message());
      VaskApp valid = app(c.valid());
      assertThat(evaluate(rule, valid)).as("%s accepts %s", rule, json(valid)).isTrue();
      assertThat(SpecValidator.problems(valid)).as("operator accepts %s", json(valid)).isEmpty();
      for (Consumer<VaskApp> change : c.invalid()) {
        VaskApp invalid = app(change);
        assertThat(evaluate(rule, invalid)).as("%s rejects %s", rule, json(invalid)).isFalse();
        assertThat(SpecValidator.problems(invalid))
            .as("operator rejects %s with the rule's message", json(invalid))
            .anySatisfy(problem -> assertThat(c.message()).startsWith(problem));
      }
    }
  }

  private static List<Case> cases() {
    return List.of(
        new Case(
            "metadata.name must be at most 54 characters (child objects add a suffix)",
            app -> app.getMetadata().setName("a".repeat(54)),
            List.of(app -> app.getMetadata().setName("a".repeat(55)))),
        new Case(
            GatewaySpec.RESERVED_ENV_MESSAGE,
            app -> env(app, "VASK_LOG_LEVEL"),
            List.of(app -> env(app, "VASK_PORT"), app -> env(app, "VASK_NATS_TOKEN_FILE"))),
        new Case(
            ScalingSpec.EXCLUSIVE_MESSAGE,
            app -> app.getSpec().scaling = ScalingSpec.fixed(2),
            List.of(app -> scaling(app, 2, null, 5, 70))),
        new Case(
            ScalingSpec.MAX_REQUIRED_MESSAGE,
            app -> scaling(app, null, null, 5, 70),
            List.of(app -> scaling(app, null, 2, null, null))),
        new Case(
            ScalingSpec.TARGET_REQUIRED_MESSAGE,
            app -> scaling(app, null, 2, 5, 70),
            List.of(app -> scaling(app, null, 2, 5, null))),
        new Case(
            ScalingSpec.MIN_MAX_MESSAGE,
            app -> scaling(app, null, 5, 5, 70),
            List.of(app -> scaling(app, null, 6, 5, 70))),
        new Case(
            NatsSpec.AUTH_SECRET_MESSAGE,
            app -> nats(app, "token", null, "nats-token", null, null),
            List.of(
                app -> nats(app, "token", null, null, null, null),
                app -> nats(app, null, null, "nats-token", null, null))),
        new Case(
            NatsSpec.PASSWORD_USER_MESSAGE,
            app -> nats(app, "password", "gateway", "nats-password", null, null),
            List.of(app -> nats(app, "password", null, "nats-password", null, null))),
        new Case(
            NatsSpec.CLIENT_CERTIFICATE_MESSAGE,
            app -> nats(app, null, null, null, "nats-tls", true),
            List.of(app -> nats(app, null, null, null, null, true))));
  }

  private static VaskApp app(Consumer<VaskApp> change) {
    VaskApp app = VaskApps.named("chat", "web");
    change.accept(app);
    return app;
  }

  private static void env(VaskApp app, String name) {
    app.getSpec().gateway = new GatewaySpec();
    app.getSpec().gateway.env = List.of(new EnvVar(name, "x", null));
  }

  private static void scaling(
      VaskApp app, Integer replicas, Integer min, Integer max, Integer targetCpu) {
    var scaling = new ScalingSpec();
    scaling.replicas = replicas;
    scaling.minReplicas = min;
    scaling.maxReplicas = max;
    scaling.targetCPUUtilization = targetCpu;
    app.getSpec().scaling = scaling;
    // above one pod the gateway needs NATS
    app.getSpec().nats = new NatsSpec("nats://nats:4222");
  }

  private static void nats(
      VaskApp app, String auth, String user, String secret, String tls, Boolean clientCert) {
    var nats = new NatsSpec("nats://nats:4222");
    nats.auth = auth;
    nats.user = user;
    nats.credentialsSecret = secret;
    nats.tlsSecret = tls;
    nats.clientCertificate = clientCert;
    app.getSpec().nats = nats;
  }

  /** The rule on the object as the API server sees it: no nulls (pruned), integers as int64. */
  private static boolean evaluate(Rule rule, VaskApp app) throws Exception {
    Object self = plain(new ObjectMapper().readValue(json(app), new TypeReference<Object>() {}));
    for (String field : rule.path().isEmpty() ? new String[0] : rule.path().split("\\.")) {
      self = self == null ? null : ((Map<?, ?>) self).get(field);
    }
    var program = RUNTIME.createProgram(COMPILER.compile(rule.expression()).getAst());
    return (Boolean) program.eval(Map.of("self", self));
  }

  private static String json(VaskApp app) {
    return JSON.asJson(app);
  }

  private static Object plain(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (v != null) {
              out.put((String) k, plain(v));
            }
          });
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(CelRulesTest::plain).toList();
    }
    return value instanceof Integer number ? number.longValue() : value;
  }

  private static void collect(String path, JSONSchemaProps schema, List<Rule> into) {
    if (schema.getXKubernetesValidations() != null) {
      schema
          .getXKubernetesValidations()
          .forEach(v -> into.add(new Rule(path, v.getRule(), v.getMessage())));
    }
    if (schema.getProperties() != null) {
      schema
          .getProperties()
          .forEach(
              (name, child) -> collect(path.isEmpty() ? name : path + "." + name, child, into));
    }
    if (schema.getItems() != null && schema.getItems().getSchema() != null) {
      assertThat(schema.getItems().getSchema().getXKubernetesValidations())
          .as("rules inside list items (%s[]) need a path this test can follow", path)
          .isNullOrEmpty();
    }
  }
}
