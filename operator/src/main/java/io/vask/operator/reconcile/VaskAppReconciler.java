package io.vask.operator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.vask.contract.AppsFileCodec;
import io.vask.contract.AppsFileValidator;
import io.vask.operator.dependent.AddOnChild;
import io.vask.operator.dependent.GatewayAutoscaler;
import io.vask.operator.dependent.GatewayDeployment;
import io.vask.operator.dependent.GatewayDisruptionBudget;
import io.vask.operator.dependent.GatewayIngress;
import io.vask.operator.dependent.GatewayService;
import io.vask.operator.dependent.OwnedSecrets;
import io.vask.operator.dependent.Preconditions;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppStatus;
import io.vask.operator.plan.GatewayPlan;
import io.vask.operator.plan.GatewayPlanner;
import io.vask.operator.plan.Names;
import io.vask.operator.plan.OperatorDefaults;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reconciles a VaskApp into its gateway fleet. The workflow below lists every child but the
 * Secrets, which {@link OwnedSecrets} handles by name; it runs only after the spec and the
 * credentials were found usable, so a bad spec never reaches the cluster. The Deployment depends on
 * nothing: a false precondition deletes the dependents of a node, and the gateway must survive a
 * switch between generated and imported credentials. Secrets are not watched, so every app is
 * reconciled again at least every {@value #RESYNC_MINUTES} minutes (sooner when it imports its
 * credentials) to repair its Secrets.
 */
@ControllerConfiguration(
    name = VaskAppReconciler.NAME,
    maxReconciliationInterval =
        @MaxReconciliationInterval(
            interval = VaskAppReconciler.RESYNC_MINUTES,
            timeUnit = TimeUnit.MINUTES))
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = GatewayDeployment.NAME, type = GatewayDeployment.class),
      @Dependent(name = GatewayService.NAME, type = GatewayService.class),
      @Dependent(
          name = GatewayAutoscaler.NAME,
          type = GatewayAutoscaler.class,
          reconcilePrecondition = Preconditions.Autoscaling.class),
      @Dependent(
          name = GatewayDisruptionBudget.NAME,
          type = GatewayDisruptionBudget.class,
          reconcilePrecondition = Preconditions.SeveralReplicas.class),
      @Dependent(
          name = GatewayIngress.NAME,
          type = GatewayIngress.class,
          reconcilePrecondition = Preconditions.IngressRequested.class)
    })
public class VaskAppReconciler implements Reconciler<VaskApp> {
  public static final String NAME = "vaskapp";
  static final int RESYNC_MINUTES = 5;

  private final GatewayPlanner planner;
  private final CredentialsLookup credentials = new CredentialsLookup();
  private final StatusComposer statuses;
  private final EventRecorder events;
  private final AddOnChild routes;
  private final AddOnChild podMonitors;

  public VaskAppReconciler(OperatorDefaults defaults) {
    this(defaults, Clock.systemUTC());
  }

  VaskAppReconciler(OperatorDefaults defaults, Clock clock) {
    this.planner = new GatewayPlanner(defaults);
    this.statuses = new StatusComposer(clock);
    this.events = new EventRecorder(clock);
    this.routes = AddOnChild.httpRoute(clock);
    this.podMonitors = AddOnChild.podMonitor(clock);
  }

  @Override
  public UpdateControl<VaskApp> reconcile(VaskApp app, Context<VaskApp> context) {
    var specProblems = SpecValidator.problems(app);
    if (!specProblems.isEmpty()) {
      return blocked(app, context, Problem.invalidSpec(specProblems));
    }
    var secrets = new OwnedSecrets(context.getClient());
    var lookup = credentials.find(app, secrets);
    if (lookup instanceof CredentialsLookup.Unavailable unavailable) {
      return blocked(app, context, unavailable.problem());
    }
    var found = (CredentialsLookup.Found) lookup;
    var headers = WebhookHeaderSecrets.read(app, secrets);
    if (headers.problem() != null) {
      return blocked(app, context, headers.problem());
    }
    GatewayPlan plan = planner.plan(app, found.credentials(), headers.values());
    if (plan.natsUrl().isEmpty() && plan.scaling().ceiling() > 1) {
      return blocked(app, context, Problem.natsRequired());
    }
    var idConflict =
        AppIdConflicts.find(
            app,
            found.credentials().appId(),
            planner.natsTarget(app),
            context.getPrimaryCache().list(),
            planner::natsTarget);
    if (idConflict.isPresent()) {
      return blocked(app, context, idConflict.get());
    }
    // The gateway would refuse a file it cannot validate; never write one.
    var fileProblems =
        AppsFileValidator.problems(
            AppsFileCodec.parse(plan.appsFile().getBytes(StandardCharsets.UTF_8)));
    if (!fileProblems.isEmpty()) {
      return blocked(app, context, Problem.invalidSpec(fileProblems));
    }
    var appsFile = secrets.read(app, Names.appsFileSecret(app));
    if (appsFile.filter(secret -> !OwnedSecrets.isOwnedBy(secret, app)).isPresent()) {
      return blocked(app, context, Problem.conflict("Secret", Names.appsFileSecret(app)));
    }
    var route = routes.reconcile(context.getClient(), app);
    if (route == AddOnChild.Outcome.CONFLICT) {
      return blocked(app, context, Problem.conflict("HTTPRoute", Names.gateway(app)));
    }
    var podMonitor = podMonitors.reconcile(context.getClient(), app);
    if (podMonitor == AddOnChild.Outcome.CONFLICT) {
      return blocked(app, context, Problem.conflict("PodMonitor", Names.gateway(app)));
    }
    writeSecrets(app, context, secrets, found, plan, appsFile);
    plan.storeIn(context);
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    return patchIfChanged(
        app, context, statuses.reconciled(app, plan, deployment(context), route, podMonitor));
  }

  @Override
  public ErrorStatusUpdateControl<VaskApp> updateErrorStatus(
      VaskApp app, Context<VaskApp> context, Exception e) {
    var problem = new Problem(Problem.RECONCILE_ERROR, summary(e));
    VaskAppStatus status = statuses.blocked(app, problem, deployment(context));
    if (status.equals(app.getStatus())) {
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    record(app, context, status);
    return ErrorStatusUpdateControl.patchStatus(statusOnly(app, status));
  }

  private void writeSecrets(
      VaskApp app,
      Context<VaskApp> context,
      OwnedSecrets secrets,
      CredentialsLookup.Found found,
      GatewayPlan plan,
      Optional<Secret> appsFile) {
    if (app.getSpec().importsCredentials()) {
      secrets.deleteGeneratedCredentials(app);
    } else if (found.generatedNow()) {
      secrets.createCredentials(app, found.credentials());
      events.record(
          context.getClient(), app, AppEvents.credentialsGenerated(Names.credentialsSecret(app)));
    }
    secrets.applyAppsFile(app, plan, appsFile);
  }

  private UpdateControl<VaskApp> blocked(VaskApp app, Context<VaskApp> context, Problem problem) {
    return patchIfChanged(app, context, statuses.blocked(app, problem, deployment(context)));
  }

  private static Deployment deployment(Context<VaskApp> context) {
    return context.getSecondaryResource(Deployment.class, GatewayDeployment.NAME).orElse(null);
  }

  private UpdateControl<VaskApp> patchIfChanged(
      VaskApp app, Context<VaskApp> context, VaskAppStatus status) {
    UpdateControl<VaskApp> control;
    if (status.equals(app.getStatus())) {
      control = UpdateControl.noUpdate();
    } else {
      record(app, context, status);
      control = UpdateControl.patchStatus(statusOnly(app, status));
    }
    ImportedCredentials.recheck(app).ifPresent(control::rescheduleAfter);
    return control;
  }

  /** The Events of the status change, before the status itself is written. */
  private void record(VaskApp app, Context<VaskApp> context, VaskAppStatus status) {
    AppEvents.between(app.getStatus(), status)
        .forEach(event -> events.record(context.getClient(), app, event));
  }

  /** Name, namespace and status only: what a status patch (or apply) must carry. */
  private static VaskApp statusOnly(VaskApp app, VaskAppStatus status) {
    var patch = new VaskApp();
    patch.getMetadata().setName(app.getMetadata().getName());
    patch.getMetadata().setNamespace(app.getMetadata().getNamespace());
    patch.setSpec(null);
    patch.setStatus(status);
    return patch;
  }

  /** Bounded, single-line: status messages are read in kubectl output. */
  private static String summary(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getClass().getSimpleName() + ": " + root.getMessage();
    message = message.replace('\n', ' ');
    return message.length() > 300 ? message.substring(0, 300) + "..." : message;
  }
}
