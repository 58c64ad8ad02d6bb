package io.vask.operator.dashboard;

import io.fabric8.kubernetes.api.model.Condition;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppStatus;
import java.util.Optional;

/**
 * One row of the dashboard's app list, read from a VaskApp's status (empty fields until the
 * operator reconciled it).
 *
 * @param ready the Ready condition's status ({@code True}, {@code False}, {@code Unknown})
 * @param readyReplicas gateway pods passing their readiness probe
 * @param live the gateway's live figures, in the list only ({@link GatewayStats})
 */
public record AppSummary(
    String namespace,
    String name,
    String ready,
    String reason,
    String message,
    String websocket,
    String httpApi,
    String appId,
    String key,
    Integer readyReplicas,
    AppFigures live) {

  public static AppSummary of(VaskApp app) {
    VaskAppStatus status = Optional.ofNullable(app.getStatus()).orElseGet(VaskAppStatus::new);
    Optional<Condition> ready = status.condition("Ready");
    var endpoints = Optional.ofNullable(status.endpoints);
    return new AppSummary(
        app.getMetadata().getNamespace(),
        app.getMetadata().getName(),
        ready.map(Condition::getStatus).orElse("Unknown"),
        ready.map(Condition::getReason).orElse("NotReconciled"),
        ready.map(Condition::getMessage).orElse(""),
        endpoints.map(e -> e.websocket).orElse(null),
        endpoints.map(e -> e.httpApi).orElse(null),
        status.appId,
        status.key,
        status.readyReplicas,
        null);
  }

  public AppSummary with(AppFigures figures) {
    return new AppSummary(
        namespace,
        name,
        ready,
        reason,
        message,
        websocket,
        httpApi,
        appId,
        key,
        readyReplicas,
        figures);
  }
}
