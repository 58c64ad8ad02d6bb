package io.vask.operator.reconcile;

import io.vask.contract.rules.NatsUrl;
import io.vask.contract.rules.WebhookUrl;
import io.vask.operator.model.GatewaySpec;
import io.vask.operator.model.HttpRouteSpec;
import io.vask.operator.model.LimitsSpec;
import io.vask.operator.model.MonitoringSpec;
import io.vask.operator.model.NatsSpec;
import io.vask.operator.model.ScalingSpec;
import io.vask.operator.model.TimingsSpec;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppSpec;
import io.vask.operator.model.WebhookSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRD's validation rules, checked again by the operator: API servers without CEL, or objects
 * stored before a rule existed, must still never produce a half-valid fleet.
 */
public final class SpecValidator {
  private SpecValidator() {}

  /** Every problem of the spec, each saying what was expected; empty when valid. */
  public static List<String> problems(VaskApp app) {
    var problems = new ArrayList<String>();
    if (app.getMetadata().getName().length() > VaskApp.MAX_NAME_LENGTH) {
      problems.add("metadata.name must be at most " + VaskApp.MAX_NAME_LENGTH + " characters");
    }
    VaskAppSpec spec = app.getSpec();
    if (spec == null) {
      problems.add("spec is missing");
      return problems;
    }
    if (spec.credentials != null
        && spec.credentials.secretRef != null
        && isBlank(spec.credentials.secretRef.name)) {
      problems.add("credentials.secretRef.name is empty (expected a Secret name)");
    }
    limits(spec.limits, problems);
    timings(spec.timings, problems);
    httpRoute(spec.httpRoute, problems);
    webhooks(spec.webhooks, problems);
    scaling(spec.scaling, problems);
    nats(spec.nats, problems);
    gateway(spec.gateway, problems);
    if (spec.monitoring != null
        && spec.monitoring.interval != null
        && !spec.monitoring.interval.matches(MonitoringSpec.DURATION_PATTERN)) {
      problems.add(
          "monitoring.interval \""
              + spec.monitoring.interval
              + "\" is invalid (expected a duration such as 30s or 1m)");
    }
    if (spec.ingress != null && isBlank(spec.ingress.host)) {
      problems.add("ingress.host is empty (expected a host name)");
    }
    return problems;
  }

  private static void limits(LimitsSpec limits, List<String> problems) {
    if (limits == null) {
      return;
    }
    range(problems, "limits.maxConnections", limits.maxConnections, 0, Integer.MAX_VALUE);
    range(
        problems,
        "limits.maxMessageBytes",
        limits.maxMessageBytes,
        1,
        LimitsSpec.MAX_MESSAGE_BYTES_CAP);
    range(problems, "limits.clientEventsPerSecond", limits.clientEventsPerSecond, 1, 10_000);
    range(problems, "limits.maxPresenceMembers", limits.maxPresenceMembers, 1, 100_000);
    range(problems, "limits.maxChannelsPerTrigger", limits.maxChannelsPerTrigger, 1, 100);
    range(problems, "limits.maxEventsPerBatch", limits.maxEventsPerBatch, 1, 1000);
    range(problems, "limits.apiRequestsPerSecond", limits.apiRequestsPerSecond, 0, 1_000_000);
  }

  private static void timings(TimingsSpec timings, List<String> problems) {
    if (timings == null) {
      return;
    }
    range(problems, "timings.cacheTtlSeconds", timings.cacheTtlSeconds, 1, 86_400);
    range(problems, "timings.activityTimeoutSeconds", timings.activityTimeoutSeconds, 1, 3600);
  }

  private static void httpRoute(HttpRouteSpec route, List<String> problems) {
    if (route == null) {
      return;
    }
    if (route.parentRefs == null || route.parentRefs.isEmpty()) {
      problems.add("httpRoute.parentRefs is empty (expected at least one Gateway)");
      return;
    }
    for (int i = 0; i < route.parentRefs.size(); i++) {
      var parent = route.parentRefs.get(i);
      if (parent == null || isBlank(parent.name)) {
        problems.add("httpRoute.parentRefs[" + i + "].name is empty (expected a Gateway name)");
      }
    }
  }

  private static void webhooks(List<WebhookSpec> webhooks, List<String> problems) {
    if (webhooks == null) {
      return;
    }
    for (int i = 0; i < webhooks.size(); i++) {
      WebhookSpec hook = webhooks.get(i);
      String where = "webhooks[" + i + "]";
      if (hook == null) {
        problems.add(where + " is empty");
        continue;
      }
      if (!WebhookUrl.isValid(hook.url)) {
        problems.add(
            where + ".url \"" + hook.url + "\" is invalid (expected " + WebhookUrl.EXPECTED + ")");
      }
      if (hook.events == null || hook.events.isEmpty() || hook.events.contains(null)) {
        problems.add(where + ".events is empty (expected at least one known event type)");
      }
      if (hook.headersFrom != null
          && (hook.headersFrom.secretRef == null || isBlank(hook.headersFrom.secretRef.name))) {
        problems.add(where + ".headersFrom.secretRef.name is empty (expected a Secret name)");
      }
    }
  }

  private static void scaling(ScalingSpec scaling, List<String> problems) {
    if (scaling == null) {
      return;
    }
    boolean autoscalingFields =
        scaling.minReplicas != null
            || scaling.maxReplicas != null
            || scaling.targetConnectionsPerPod != null
            || scaling.targetCPUUtilization != null;
    if (scaling.replicas != null && autoscalingFields) {
      problems.add(ScalingSpec.EXCLUSIVE_MESSAGE);
      return;
    }
    if (scaling.replicas == null && scaling.maxReplicas == null) {
      problems.add(ScalingSpec.MAX_REQUIRED_MESSAGE);
    }
    if (scaling.maxReplicas != null
        && scaling.targetConnectionsPerPod == null
        && scaling.targetCPUUtilization == null) {
      problems.add(ScalingSpec.TARGET_REQUIRED_MESSAGE);
    }
    if (scaling.minReplicas != null
        && scaling.maxReplicas != null
        && scaling.minReplicas > scaling.maxReplicas) {
      problems.add(ScalingSpec.MIN_MAX_MESSAGE);
    }
    range(problems, "scaling.replicas", scaling.replicas, 0, Integer.MAX_VALUE);
    range(problems, "scaling.minReplicas", scaling.minReplicas, 1, Integer.MAX_VALUE);
    range(problems, "scaling.maxReplicas", scaling.maxReplicas, 1, Integer.MAX_VALUE);
    range(
        problems,
        "scaling.targetConnectionsPerPod",
        scaling.targetConnectionsPerPod,
        1,
        Integer.MAX_VALUE);
    range(problems, "scaling.targetCPUUtilization", scaling.targetCPUUtilization, 1, 1000);
  }

  private static void nats(NatsSpec nats, List<String> problems) {
    if (nats == null) {
      return;
    }
    if (!NatsUrl.isValid(nats.url)) {
      problems.add("nats.url \"" + nats.url + "\" is invalid (expected " + NatsUrl.EXPECTED + ")");
    }
    if ((nats.auth == null) != (nats.credentialsSecret == null)) {
      problems.add(NatsSpec.AUTH_SECRET_MESSAGE);
    }
    if ("password".equals(nats.auth) && nats.user == null) {
      problems.add(NatsSpec.PASSWORD_USER_MESSAGE);
    }
    if (Boolean.TRUE.equals(nats.clientCertificate) && nats.tlsSecret == null) {
      problems.add(NatsSpec.CLIENT_CERTIFICATE_MESSAGE);
    }
  }

  private static void gateway(GatewaySpec gateway, List<String> problems) {
    if (gateway == null) {
      return;
    }
    if (gateway.image != null && gateway.image.isBlank()) {
      problems.add("gateway.image is empty (expected an image reference, or omit it)");
    }
    range(problems, "gateway.drainSeconds", gateway.drainSeconds, 1, 600);
    if (gateway.env != null
        && gateway.env.stream()
            .anyMatch(e -> e != null && GatewaySpec.isReservedEnv(e.getName()))) {
      problems.add(GatewaySpec.RESERVED_ENV_MESSAGE);
    }
  }

  private static void range(List<String> problems, String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      problems.add(field + " is " + value + " (expected " + min + ".." + max + ")");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
