package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.GatewayPlan;
import io.vask.operator.plan.GatewayPlanner;
import io.vask.operator.plan.Labels;
import io.vask.operator.plan.Names;
import io.vask.operator.plan.PodOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway pod: environment of the gateway contract, probes on the metrics port, and a
 * drain-aware shutdown. Only plan values that need new pods appear here; app settings arrive
 * through the mounted apps file, so editing them leaves this template, and the running pods,
 * untouched.
 */
public final class GatewayPodTemplate {
  public static final String CONTAINER = "gateway";
  public static final int METRICS_PORT = 9601;
  public static final String METRICS_PORT_NAME = "metrics";
  public static final String APPS_DIR = "/etc/vask/apps";
  public static final String APPS_FILE = APPS_DIR + "/" + AppsFileSecret.KEY;
  public static final String RESTART_HASH = "vask.dev/restart-hash";

  /** Lets Services and ingress controllers stop routing to the pod before it starts draining. */
  public static final int PRE_STOP_SECONDS = 5;

  /** Time left after the drain for the webhook outbox to flush and the JVM to exit. */
  static final int SHUTDOWN_MARGIN_SECONDS = 10;

  private GatewayPodTemplate() {}

  public static PodTemplateSpec of(VaskApp app, GatewayPlan plan) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(Labels.selector(app))
        .withAnnotations(annotations(plan))
        .endMetadata()
        .withNewSpec()
        // Service links would inject VASK_GATEWAY_PORT=tcp://... for an app named "vask", and the
        // gateway rejects unknown VASK_ variables.
        .withEnableServiceLinks(false)
        // The gateway never calls the Kubernetes API: no token for an attacker to find.
        .withAutomountServiceAccountToken(false)
        .withTerminationGracePeriodSeconds(
            (long) (PRE_STOP_SECONDS + plan.drainSeconds() + SHUTDOWN_MARGIN_SECONDS))
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        // Empty collections stay unset: the API server drops them, and a difference between the
        // desired and the stored object would make every reconcile update the Deployment.
        .withTopologySpreadConstraints(unlessEmpty(spread(app, plan.pod())))
        .withNodeSelector(plan.pod().nodeSelector().isEmpty() ? null : plan.pod().nodeSelector())
        .withTolerations(unlessEmpty(plan.pod().tolerations()))
        .withAffinity(plan.pod().affinity())
        .withImagePullSecrets(unlessEmpty(plan.pod().imagePullSecrets()))
        .withContainers(container(plan))
        .addNewVolume()
        .withName("apps")
        .withNewSecret()
        .withSecretName(Names.appsFileSecret(app))
        .endSecret()
        .endVolume()
        .addNewVolume()
        .withName("tmp")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .addAllToVolumes(plan.natsAccess().map(NatsAccessFiles::volumes).orElse(List.of()))
        .endSpec()
        .build();
  }

  /** The user's annotations first: the operator's own keys must keep their meaning. */
  private static Map<String, String> annotations(GatewayPlan plan) {
    var annotations = new LinkedHashMap<String, String>(plan.pod().podAnnotations());
    annotations.put(RESTART_HASH, plan.restartHash());
    annotations.put("prometheus.io/scrape", "true");
    annotations.put("prometheus.io/port", String.valueOf(METRICS_PORT));
    annotations.put("prometheus.io/path", "/metrics");
    return annotations;
  }

  private static Container container(GatewayPlan plan) {
    return new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(plan.image())
        .withEnv(env(plan))
        .addNewPort()
        .withName("http")
        .withContainerPort(GatewayPlanner.HTTP_PORT)
        .withProtocol("TCP")
        .endPort()
        .addNewPort()
        .withName(METRICS_PORT_NAME)
        .withContainerPort(METRICS_PORT)
        .withProtocol("TCP")
        .endPort()
        .withResources(plan.resources())
        // Startup covers JVM warm-up, so liveness can be strict afterwards.
        .withStartupProbe(probe("/healthz", 2, 30))
        .withLivenessProbe(probe("/healthz", 10, 3))
        .withReadinessProbe(probe("/ready", 5, 2))
        .withNewLifecycle()
        .withNewPreStop()
        .withNewExec()
        .withCommand("sleep", String.valueOf(PRE_STOP_SECONDS))
        .endExec()
        .endPreStop()
        .endLifecycle()
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .addNewVolumeMount()
        .withName("apps")
        .withMountPath(APPS_DIR)
        .withReadOnly(true)
        .endVolumeMount()
        .addNewVolumeMount()
        .withName("tmp")
        .withMountPath("/tmp")
        .endVolumeMount()
        .addAllToVolumeMounts(plan.natsAccess().map(NatsAccessFiles::mounts).orElse(List.of()))
        .build();
  }

  /** The gateway environment of ARCHITECTURE §6; ports are spelled out for readers of the pod. */
  static List<EnvVar> env(GatewayPlan plan) {
    var env = new ArrayList<EnvVar>();
    env.add(new EnvVar("VASK_PORT", String.valueOf(GatewayPlanner.HTTP_PORT), null));
    env.add(new EnvVar("VASK_METRICS_PORT", String.valueOf(METRICS_PORT), null));
    env.add(new EnvVar("VASK_APPS_FILE", APPS_FILE, null));
    plan.natsUrl().ifPresent(url -> env.add(new EnvVar("VASK_NATS_URL", url, null)));
    plan.natsAccess().ifPresent(nats -> env.addAll(NatsAccessFiles.env(nats)));
    env.add(
        new EnvVarBuilder()
            .withName("VASK_NODE_ID")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .build());
    env.add(new EnvVar("VASK_DRAIN_SECONDS", String.valueOf(plan.drainSeconds()), null));
    env.addAll(plan.pod().env());
    return env;
  }

  private static Probe probe(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(METRICS_PORT_NAME))
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withFailureThreshold(failureThreshold)
        .withTimeoutSeconds(2)
        .build();
  }

  private static <T> List<T> unlessEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }

  /** The user's constraints, or by default an even spread over zones and nodes. */
  private static List<TopologySpreadConstraint> spread(VaskApp app, PodOptions pod) {
    return pod.topologySpread()
        .orElseGet(
            () ->
                List.of(
                    spread(app, "topology.kubernetes.io/zone"),
                    spread(app, "kubernetes.io/hostname")));
  }

  /** Best effort: a pod is better scheduled unevenly than not at all. */
  private static TopologySpreadConstraint spread(VaskApp app, String topologyKey) {
    return new TopologySpreadConstraintBuilder()
        .withMaxSkew(1)
        .withTopologyKey(topologyKey)
        .withWhenUnsatisfiable("ScheduleAnyway")
        .withNewLabelSelector()
        .withMatchLabels(Labels.selector(app))
        .endLabelSelector()
        .withMatchLabelKeys("pod-template-hash")
        .build();
  }
}
