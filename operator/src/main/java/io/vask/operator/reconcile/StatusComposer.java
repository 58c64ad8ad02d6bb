package io.vask.operator.reconcile;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.vask.operator.dependent.AddOnChild;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppStatus;
import io.vask.operator.plan.GatewayPlan;
import io.vask.operator.plan.Names;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

/**
 * The status of a VaskApp, from its plan and the gateway Deployment's status. Readiness reads only
 * Deployment status fields, as kubectl rollout status does, since pods are not watched.
 */
final class StatusComposer {
  static final String GATEWAY_READY = "GatewayReady";
  static final String GATEWAY_NOT_READY = "GatewayNotReady";
  static final String SCALED_TO_ZERO = "ScaledToZero";
  static final String ROLLOUT_IN_PROGRESS = "RolloutInProgress";
  static final String ROLLOUT_COMPLETE = "RolloutComplete";
  static final String AS_EXPECTED = "AsExpected";
  static final String ROUTE_APPLIED = "HTTPRouteApplied";
  static final String GATEWAY_API_MISSING = "GatewayAPIMissing";
  static final String GATEWAY_API_MISSING_MESSAGE =
      "spec.httpRoute is set but the cluster serves no gateway.networking.k8s.io/v1 HTTPRoute:"
          + " install the Gateway API CRDs; no route was created";
  static final String POD_MONITOR_APPLIED = "PodMonitorApplied";
  static final String PROMETHEUS_OPERATOR_MISSING = "PrometheusOperatorMissing";
  static final String PROMETHEUS_OPERATOR_MISSING_MESSAGE =
      "spec.monitoring.podMonitor is true but the cluster serves no monitoring.coreos.com/v1"
          + " PodMonitor: install the Prometheus Operator's CRDs; no PodMonitor was created";

  private final Clock clock;

  StatusComposer(Clock clock) {
    this.clock = clock;
  }

  /** After the children were reconciled from {@code plan}. */
  VaskAppStatus reconciled(
      VaskApp app,
      GatewayPlan plan,
      Deployment deployment,
      AddOnChild.Outcome route,
      AddOnChild.Outcome podMonitor) {
    var status = new VaskAppStatus();
    status.observedGeneration = app.getMetadata().getGeneration();
    status.credentialsSecret = plan.credentials().secretName();
    status.appId = plan.credentials().appId();
    status.key = plan.credentials().key();
    status.endpoints = plan.endpoints();
    Rollout rollout = Rollout.of(deployment);
    status.readyReplicas = rollout.ready();
    var conditions = conditions(app);
    if (rollout.wanted() == 0 && rollout.settled()) {
      conditions.set(Conditions.READY, false, SCALED_TO_ZERO, "scaled to 0 replicas");
    } else if (rollout.available()) {
      conditions.set(Conditions.READY, true, GATEWAY_READY, rollout.describe());
    } else {
      conditions.set(Conditions.READY, false, GATEWAY_NOT_READY, rollout.describe());
    }
    if (rollout.settled()) {
      conditions.set(Conditions.PROGRESSING, false, ROLLOUT_COMPLETE, rollout.describe());
    } else {
      conditions.set(Conditions.PROGRESSING, true, ROLLOUT_IN_PROGRESS, rollout.describe());
    }
    conditions.set(Conditions.DEGRADED, false, AS_EXPECTED, "spec and credentials are usable");
    addOns(app, conditions, route, podMonitor);
    status.conditions = new ArrayList<>(conditions.list());
    return status;
  }

  /** Routed and Monitored, each only while its add-on child is asked for. */
  private static void addOns(
      VaskApp app, Conditions conditions, AddOnChild.Outcome route, AddOnChild.Outcome monitor) {
    if (route == AddOnChild.Outcome.APPLIED) {
      conditions.set(
          Conditions.ROUTED,
          true,
          ROUTE_APPLIED,
          "HTTPRoute " + Names.gateway(app) + " routes to the gateway Service");
    } else if (route == AddOnChild.Outcome.API_MISSING) {
      conditions.set(Conditions.ROUTED, false, GATEWAY_API_MISSING, GATEWAY_API_MISSING_MESSAGE);
    }
    if (monitor == AddOnChild.Outcome.APPLIED) {
      conditions.set(
          Conditions.MONITORED,
          true,
          POD_MONITOR_APPLIED,
          "PodMonitor " + Names.gateway(app) + " scrapes the gateway pods");
    } else if (monitor == AddOnChild.Outcome.API_MISSING) {
      conditions.set(
          Conditions.MONITORED,
          false,
          PROMETHEUS_OPERATOR_MISSING,
          PROMETHEUS_OPERATOR_MISSING_MESSAGE);
    }
  }

  /**
   * When a problem stopped the reconcile: the children keep their last good state, so the previous
   * endpoints and credentials stay reported alongside the problem.
   */
  VaskAppStatus blocked(VaskApp app, Problem problem, Deployment deployment) {
    VaskAppStatus previous = app.getStatus();
    var status = new VaskAppStatus();
    status.observedGeneration = app.getMetadata().getGeneration();
    if (previous != null) {
      status.credentialsSecret = previous.credentialsSecret;
      status.appId = previous.appId;
      status.key = previous.key;
      status.endpoints = previous.endpoints;
    }
    status.readyReplicas = deployment == null ? null : Rollout.of(deployment).ready();
    status.conditions =
        new ArrayList<>(
            conditions(app)
                .set(Conditions.READY, false, problem.reason(), problem.message())
                .set(Conditions.PROGRESSING, false, problem.reason(), "waiting for a fix")
                .set(Conditions.DEGRADED, true, problem.reason(), problem.message())
                .list());
    return status;
  }

  private Conditions conditions(VaskApp app) {
    long generation =
        app.getMetadata().getGeneration() == null ? 0 : app.getMetadata().getGeneration();
    return new Conditions(
        app.getStatus(), generation, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS));
  }

  /** The Deployment's rollout as counts. */
  record Rollout(int wanted, int ready, int updated, boolean observed) {
    static Rollout of(Deployment deployment) {
      if (deployment == null) {
        return new Rollout(1, 0, 0, false);
      }
      DeploymentStatus status = deployment.getStatus();
      int wanted = orZero(deployment.getSpec().getReplicas());
      if (status == null) {
        return new Rollout(wanted, 0, 0, false);
      }
      Long generation = deployment.getMetadata().getGeneration();
      boolean observed =
          status.getObservedGeneration() != null
              && (generation == null || status.getObservedGeneration() >= generation);
      return new Rollout(
          wanted, orZero(status.getReadyReplicas()), orZero(status.getUpdatedReplicas()), observed);
    }

    boolean settled() {
      return observed && updated >= wanted && ready >= wanted;
    }

    /** Enough ready pods to serve, even while old and new pods mix during a rollout. */
    boolean available() {
      return wanted > 0 && ready >= wanted;
    }

    String describe() {
      return ready + "/" + wanted + " gateway pods ready, " + updated + " up to date";
    }

    private static int orZero(Integer value) {
      return value == null ? 0 : value;
    }
  }
}
