/**
 * The operator's web dashboard (off by default): {@link io.vask.operator.dashboard.DashboardServer}
 * serves the page and its JSON API ({@link io.vask.operator.dashboard.DashboardApi}): list, create
 * and import VaskApps, show credentials, sign debug-console links. Every call carries the user's
 * own Kubernetes bearer token, which {@link io.vask.operator.dashboard.Gate} checks with a
 * TokenReview and a SubjectAccessReview ({@link io.vask.operator.dashboard.AccessReview}) before
 * {@link io.vask.operator.dashboard.DashboardApps} acts with the operator's client.
 */
package io.vask.operator.dashboard;
