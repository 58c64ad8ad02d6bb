package io.vask.operator.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.Credentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's JSON API, one method per action, each checking the user's rights first (docs:
 * console.md#dashboard). Paths are below {@code /api}.
 */
public final class DashboardApi {
  private static final Pattern APP_ACTION =
      Pattern.compile("/api/apps/([a-z0-9-]+)/([a-z0-9-]+)/(credentials|console)");

  private final Gate gate;
  private final DashboardApps apps;
  private final ConsoleLinks links;
  private final GatewayStats stats;
  private final Set<String> watched;

  /**
   * @param watched the namespaces the operator watches; empty for all
   */
  public DashboardApi(
      Gate gate, DashboardApps apps, ConsoleLinks links, GatewayStats stats, Set<String> watched) {
    this.gate = gate;
    this.apps = apps;
    this.links = links;
    this.stats = stats;
    this.watched = Set.copyOf(watched);
  }

  /** A request that got through the server's checks of method, size and JSON. */
  public record Call(
      String method,
      String path,
      Optional<String> namespace,
      String authorization,
      JsonNode body) {}

  public record Reply(int status, Object body) {}

  public Reply handle(Call call) {
    ReviewedUser user = gate.authenticate(call.authorization());
    String route = call.method() + " " + call.path();
    switch (route) {
      case "GET /api/apps":
        return new Reply(200, list(user, call.namespace()));
      case "POST /api/apps":
        return new Reply(201, create(user, NewApp.from(call.body())));
      case "POST /api/imports":
        return new Reply(201, importCredentials(user, ImportedCredentials.from(call.body())));
      default:
        break;
    }
    Matcher action = APP_ACTION.matcher(call.path());
    if (!action.matches()) {
      throw new DashboardRefused(404, "no such dashboard API: " + route);
    }
    if (!"GET".equals(call.method())) {
      throw new DashboardRefused(405, "use GET");
    }
    VaskApp app = readableApp(user, action.group(1), action.group(2));
    Credentials credentials = readCredentials(user, app);
    return new Reply(
        200,
        "credentials".equals(action.group(3))
            ? credentialsJson(app, credentials)
            : consoleJson(app, credentials));
  }

  private Map<String, Object> list(ReviewedUser user, Optional<String> namespace) {
    namespace.ifPresent(this::requireWatched);
    List<String> scopes =
        namespace.map(List::of).orElseGet(() -> watched.isEmpty() ? List.of("") : sorted());
    var listed = new ArrayList<VaskApp>();
    var forbidden = new ArrayList<String>();
    for (String scope : scopes) {
      if (gate.allows(user, Access.onApps("list", scope))) {
        listed.addAll(apps.list(scope));
      } else {
        forbidden.add(scope.isEmpty() ? "*" : scope);
      }
    }
    if (forbidden.size() == scopes.size()) {
      gate.require(user, Access.onApps("list", scopes.get(0)));
    }
    var json = new LinkedHashMap<String, Object>();
    json.put("user", user.username());
    json.put("apps", stats.summaries(listed));
    json.put("forbiddenNamespaces", forbidden);
    return json;
  }

  private AppSummary create(ReviewedUser user, NewApp form) {
    requireWatched(form.namespace());
    gate.require(user, Access.onApps("create", form.namespace()));
    return apps.create(form, user.username());
  }

  private AppSummary importCredentials(ReviewedUser user, ImportedCredentials form) {
    requireWatched(form.namespace());
    gate.require(user, Access.onApps("create", form.namespace()));
    gate.require(user, Access.onSecret("create", form.namespace(), ""));
    return apps.importCredentials(form, user.username());
  }

  private VaskApp readableApp(ReviewedUser user, String namespace, String name) {
    requireWatched(namespace);
    gate.require(user, Access.onApp("get", namespace, name));
    return apps.app(namespace, name)
        .orElseThrow(
            () -> new DashboardRefused(404, "VaskApp " + namespace + "/" + name + " not found"));
  }

  /** Showing credentials and signing a console token both need the right to read the Secret. */
  private Credentials readCredentials(ReviewedUser user, VaskApp app) {
    String namespace = app.getMetadata().getNamespace();
    gate.require(user, Access.onSecret("get", namespace, DashboardApps.credentialsSecret(app)));
    return apps.credentials(app);
  }

  private static Map<String, Object> credentialsJson(VaskApp app, Credentials credentials) {
    var json = new LinkedHashMap<String, Object>();
    json.put("namespace", app.getMetadata().getNamespace());
    json.put("name", app.getMetadata().getName());
    json.put("secretName", credentials.secretName());
    json.put("app_id", credentials.appId());
    json.put("key", credentials.key());
    json.put("secret", credentials.secret());
    return json;
  }

  private Map<String, Object> consoleJson(VaskApp app, Credentials credentials) {
    String httpApi = AppSummary.of(app).httpApi();
    if (httpApi == null) {
      throw new DashboardRefused(409, "the app has no endpoint yet: wait for its first reconcile");
    }
    var link = links.link(httpApi, credentials);
    return Map.of("url", link.url(), "expiresAt", link.expiresAt().toString());
  }

  private void requireWatched(String namespace) {
    if (!watched.isEmpty() && !watched.contains(namespace)) {
      throw new DashboardRefused(
          404, "namespace " + namespace + " is not watched by the operator: " + sorted());
    }
  }

  private List<String> sorted() {
    return watched.stream().sorted().toList();
  }
}
