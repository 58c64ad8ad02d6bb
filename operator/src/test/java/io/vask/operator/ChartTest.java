package io.vask.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** helm lint and helm template (through helm-java's bundled Helm) on charts/vask-operator. */
class ChartTest {
  static final Path CHART = Path.of("..", "charts", "vask-operator");
  static final KubernetesSerialization YAML = new KubernetesSerialization();

  @Test
  void lintsCleanInStrictMode() {
    var result = new Helm(CHART).lint().strict().call();
    assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
  }

  @Test
  void defaultInstallWatchesAllNamespacesWithAClusterRole() {
    var objects = render(t -> t);
    assertThat(objects.keySet())
        .containsExactlyInAnyOrder(
            "ServiceAccount/vask-vask-operator",
            "ClusterRole/vask-vask-operator",
            "ClusterRoleBinding/vask-vask-operator",
            "Role/vask-vask-operator-leader-election",
            "RoleBinding/vask-vask-operator-leader-election",
            "Deployment/vask-vask-operator",
            "Service/vask-vask-operator-metrics");

    var deployment = (Deployment) objects.get("Deployment/vask-vask-operator");
    var pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo("vask-vask-operator");
    assertThat(pod.getEnableServiceLinks()).isFalse();
    var container = pod.getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("vask/operator:0.1.0");
    assertThat(env(container.getEnv()))
        .containsEntry("VASK_OPERATOR_NAMESPACES", "")
        .containsEntry("VASK_OPERATOR_PORT", "8080")
        .containsEntry("VASK_LEADER_ELECTION", "true")
        .containsEntry("VASK_GATEWAY_IMAGE", "vask/gateway:0.1.0")
        .containsEntry("VASK_OPERATOR_SSA", "true")
        .doesNotContainKey("VASK_DEFAULT_NATS_URL");
    assertThat(container.getEnv())
        .filteredOn(e -> e.getName().equals("POD_NAMESPACE"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getValueFrom().getFieldRef().getFieldPath())
                    .isEqualTo("metadata.namespace"));
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();

    var role = (ClusterRole) objects.get("ClusterRole/vask-vask-operator");
    assertLeastPrivilege(role.getRules());
    var binding = (ClusterRoleBinding) objects.get("ClusterRoleBinding/vask-vask-operator");
    assertThat(binding.getSubjects().get(0).getNamespace()).isEqualTo("vask-system");
    var leases = (Role) objects.get("Role/vask-vask-operator-leader-election");
    assertThat(leases.getMetadata().getNamespace()).isEqualTo("vask-system");
    assertThat(leases.getRules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getResources()).containsExactly("leases");
              assertThat(r.getVerbs())
                  .containsExactlyInAnyOrder("get", "create", "update", "patch");
            });
    var metrics = (Service) objects.get("Service/vask-vask-operator-metrics");
    assertThat(metrics.getSpec().getPorts().get(0).getPort()).isEqualTo(8080);
    assertThat(metrics.getSpec().getSelector())
        .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void namespacedInstallGetsRolesOnlyInTheWatchedNamespaces() {
    var objects =
        render(
            t ->
                t.set("rbac.namespaced", true)
                    .set("watchNamespaces[0]", "web")
                    .set("watchNamespaces[1]", "chat")
                    .set("defaults.natsUrl", "nats://nats.vask-system:4222")
                    .set("replicaCount", 2));
    assertThat(objects.keySet())
        .noneMatch(k -> k.startsWith("ClusterRole"))
        .contains("Role/vask-vask-operator", "RoleBinding/vask-vask-operator");
    var roles =
        renderList(
                t ->
                    t.set("rbac.namespaced", true)
                        .set("watchNamespaces[0]", "web")
                        .set("watchNamespaces[1]", "chat"))
            .stream()
            .filter(
                o -> o instanceof Role && o.getMetadata().getName().equals("vask-vask-operator"))
            .map(o -> o.getMetadata().getNamespace())
            .toList();
    assertThat(roles).containsExactlyInAnyOrder("web", "chat");
    var deployment = (Deployment) objects.get("Deployment/vask-vask-operator");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(env(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()))
        .containsEntry("VASK_OPERATOR_NAMESPACES", "web,chat")
        .containsEntry("VASK_DEFAULT_NATS_URL", "nats://nats.vask-system:4222");
  }

  @Test
  void registrationValuesTurnTheEndpointOnWithItsServiceAndCreateRight() {
    var objects =
        render(
            t ->
                t.set("registration.enabled", true)
                    .set("registration.allow[0]", "ada")
                    .set("registration.allow[1]", "org:acme")
                    .set("registration.namespace", "apps"));

    var container =
        ((Deployment) objects.get("Deployment/vask-vask-operator"))
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(env(container.getEnv()))
        .containsEntry("VASK_REGISTRATION_ENABLED", "true")
        .containsEntry("VASK_REGISTRATION_ALLOW", "ada,org:acme")
        .containsEntry("VASK_REGISTRATION_NAMESPACE", "apps")
        .containsEntry("VASK_REGISTRATION_PORT", "8081");
    var service = (Service) objects.get("Service/vask-vask-operator-register");
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8081);
    var role = (ClusterRole) objects.get("ClusterRole/vask-vask-operator");
    assertThat(verbs(role.getRules(), "vaskapps")).contains("create");
    assertThatThrownBy(() -> render(t -> t.set("registration.enabled", true)))
        .hasMessageContaining("registration");
  }

  @Test
  void dashboardValuesTurnItOnWithItsPortAndService() {
    var off = render(t -> t);
    assertThat(off).doesNotContainKey("Service/vask-vask-operator-dashboard");
    var objects = render(t -> t.set("dashboard.enabled", true).set("dashboard.consoleMinutes", 15));
    var container =
        ((Deployment) objects.get("Deployment/vask-vask-operator"))
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(env(container.getEnv()))
        .containsEntry("VASK_DASHBOARD_ENABLED", "true")
        .containsEntry("VASK_DASHBOARD_PORT", "8082")
        .containsEntry("VASK_DASHBOARD_CONSOLE_MINUTES", "15");
    assertThat(container.getPorts())
        .anySatisfy(
            p -> {
              assertThat(p.getName()).isEqualTo("http-dashboard");
              assertThat(p.getContainerPort()).isEqualTo(8082);
            });
    var service = (Service) objects.get("Service/vask-vask-operator-dashboard");
    assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal())
        .isEqualTo("http-dashboard");
    assertThatThrownBy(() -> render(t -> t.set("dashboard.consoleMinutes", 0)))
        .hasMessageContaining("consoleMinutes");
  }

  @Test
  void refusesSettingsThatCannotWork() {
    assertThatThrownBy(
            () -> render(t -> t.set("replicaCount", 2).set("leaderElection.enabled", false)))
        .hasMessageContaining("replicaCount > 1 needs leaderElection.enabled=true");
    assertThatThrownBy(() -> render(t -> t.set("rbac.namespaced", true)))
        .hasMessageContaining("rbac.namespaced=true needs watchNamespaces");
    assertThatThrownBy(() -> render(t -> t.set("logLevel", "LOUD")))
        .hasMessageContaining("logLevel");
    assertThatThrownBy(() -> render(t -> t.set("defaults.natsUrl", "http://nats:4222")))
        .hasMessageContaining("natsUrl");
  }

  /** Only the verbs the operator uses; no wildcards; Secrets never beyond its own namespaces. */
  static void assertLeastPrivilege(List<PolicyRule> rules) {
    assertThat(rules)
        .allSatisfy(
            r -> {
              assertThat(r.getVerbs()).doesNotContain("*");
              assertThat(r.getResources()).doesNotContain("*");
              assertThat(r.getApiGroups()).doesNotContain("*");
            });
    assertThat(verbs(rules, "vaskapps")).containsExactlyInAnyOrder("get", "list", "watch");
    assertThat(verbs(rules, "vaskapps/status")).containsExactlyInAnyOrder("get", "patch", "update");
    assertThat(verbs(rules, "deployments")).doesNotContain("delete");
    assertThat(verbs(rules, "services")).doesNotContain("delete");
    assertThat(verbs(rules, "horizontalpodautoscalers")).contains("delete");
    assertThat(verbs(rules, "leases")).isEmpty();
  }

  static List<String> verbs(List<PolicyRule> rules, String resource) {
    return rules.stream()
        .filter(r -> r.getResources().contains(resource))
        .flatMap(r -> r.getVerbs().stream())
        .toList();
  }

  static Map<String, String> env(List<EnvVar> env) {
    return env.stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  /** Rendered objects by kind/name (namespaced Roles of the same name collapse: use renderList). */
  static Map<String, HasMetadata> render(UnaryOperator<TemplateCommand> options) {
    return renderList(options).stream()
        .collect(
            Collectors.toMap(
                o -> o.getKind() + "/" + o.getMetadata().getName(),
                o -> o,
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }

  static List<HasMetadata> renderList(UnaryOperator<TemplateCommand> options) {
    String yaml =
        options
            .apply(
                new Helm(CHART)
                    .template()
                    .withName("vask")
                    .withNamespace("vask-system")
                    .withKubeVersion("1.30.0"))
            .call();
    return Arrays.stream(yaml.split("(?m)^---\\s*$"))
        .filter(doc -> doc.lines().anyMatch(line -> line.startsWith("kind:")))
        .map(doc -> YAML.unmarshal(doc, HasMetadata.class))
        .toList();
  }
}
