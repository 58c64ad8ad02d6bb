package io.vask.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC in both install modes: the operator may read Secrets only by name (no list or
 * watch anywhere), and the namespace scope renders nothing cluster-wide.
 */
class ChartRbacTest {

  @Test
  void clusterScopeNeverListsOrWatchesSecrets() {
    var objects = ChartTest.renderList(t -> t.set("rbac.scope", "cluster"));
    var clusterRoles = only(objects, ClusterRole.class);
    assertThat(clusterRoles).hasSize(1);
    List<PolicyRule> rules = clusterRoles.get(0).getRules();
    assertThat(ChartTest.verbs(rules, "secrets"))
        .containsExactlyInAnyOrder("get", "create", "update", "delete");
    assertThat(ChartTest.verbs(rules, "events")).contains("create");
    ChartTest.assertLeastPrivilege(rules);
    assertThat(only(objects, ClusterRoleBinding.class)).hasSize(1);
  }

  /**
   * spec.httpRoute and spec.monitoring: the operator reads and writes routes and PodMonitors by
   * name, it never lists them.
   */
  @Test
  void httpRoutesByNameOnly() {
    var objects = ChartTest.renderList(t -> t);
    List<PolicyRule> rules = only(objects, ClusterRole.class).get(0).getRules();
    assertThat(ChartTest.verbs(rules, "httproutes"))
        .containsExactlyInAnyOrder("get", "create", "update", "delete");
    assertThat(ChartTest.verbs(rules, "podmonitors"))
        .containsExactlyInAnyOrder("get", "create", "update", "delete");
  }

  @Test
  void defaultIsTheClusterScope() {
    var objects = ChartTest.renderList(t -> t);
    assertThat(only(objects, ClusterRole.class)).hasSize(1);
    assertThat(ChartTest.verbs(only(objects, ClusterRole.class).get(0).getRules(), "secrets"))
        .doesNotContain("list", "watch");
  }

  @Test
  void namespaceScopeRendersRolesOnlyInEachWatchedNamespace() {
    var objects =
        ChartTest.renderList(
            t ->
                t.set("rbac.scope", "namespace")
                    .set("watchNamespaces[0]", "web")
                    .set("watchNamespaces[1]", "chat"));
    assertThat(objects).noneMatch(o -> o.getKind().startsWith("Cluster"));
    var appRoles =
        only(objects, Role.class).stream()
            .filter(r -> r.getMetadata().getName().equals("vask-vask-operator"))
            .toList();
    assertThat(appRoles)
        .extracting(r -> r.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("web", "chat");
    assertThat(appRoles)
        .allSatisfy(
            role -> {
              assertThat(ChartTest.verbs(role.getRules(), "secrets"))
                  .doesNotContain("list", "watch");
              ChartTest.assertLeastPrivilege(role.getRules());
            });
    assertThat(only(objects, RoleBinding.class))
        .extracting(b -> b.getMetadata().getNamespace())
        .contains("web", "chat", "vask-system");
    assertThat(only(objects, RoleBinding.class))
        .allSatisfy(
            b -> assertThat(b.getSubjects().get(0).getNamespace()).isEqualTo("vask-system"));
  }

  /** The dashboard reviews tokens and access cluster-wide, in either scope; off, it cannot. */
  @Test
  void dashboardAddsTheTwoReviewsAndCreateOnVaskApps() {
    assertThat(ChartTest.renderList(t -> t))
        .noneMatch(o -> o.getMetadata().getName().endsWith("-dashboard"));
    for (String scope : List.of("cluster", "namespace")) {
      var objects =
          ChartTest.renderList(
              t ->
                  t.set("dashboard.enabled", true)
                      .set("rbac.scope", scope)
                      .set("watchNamespaces[0]", "web"));
      var reviews =
          only(objects, ClusterRole.class).stream()
              .filter(r -> r.getMetadata().getName().equals("vask-vask-operator-dashboard"))
              .findFirst()
              .orElseThrow();
      assertThat(ChartTest.verbs(reviews.getRules(), "tokenreviews")).containsExactly("create");
      assertThat(ChartTest.verbs(reviews.getRules(), "subjectaccessreviews"))
          .containsExactly("create");
      assertThat(reviews.getRules()).hasSize(2);
      assertThat(only(objects, ClusterRoleBinding.class))
          .anySatisfy(
              b -> {
                assertThat(b.getRoleRef().getName()).isEqualTo("vask-vask-operator-dashboard");
                assertThat(b.getSubjects().get(0).getName()).isEqualTo("vask-vask-operator");
              });
      List<PolicyRule> appRules =
          scope.equals("cluster")
              ? only(objects, ClusterRole.class).stream()
                  .filter(r -> r.getMetadata().getName().equals("vask-vask-operator"))
                  .findFirst()
                  .orElseThrow()
                  .getRules()
              : only(objects, Role.class).stream()
                  .filter(r -> r.getMetadata().getName().equals("vask-vask-operator"))
                  .findFirst()
                  .orElseThrow()
                  .getRules();
      assertThat(ChartTest.verbs(appRules, "vaskapps")).contains("create");
      assertThat(ChartTest.verbs(appRules, "secrets")).doesNotContain("list", "watch");
    }
  }

  @Test
  void namespaceScopeNeedsNamespacesAndScopeIsValidated() {
    assertThatThrownBy(() -> ChartTest.renderList(t -> t.set("rbac.scope", "namespace")))
        .hasMessageContaining("rbac.scope=namespace needs watchNamespaces");
    assertThatThrownBy(() -> ChartTest.renderList(t -> t.set("rbac.scope", "everywhere")))
        .hasMessageContaining("scope");
  }

  private static <T extends HasMetadata> List<T> only(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
