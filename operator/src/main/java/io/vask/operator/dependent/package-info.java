/**
 * One JOSDK dependent resource per child object of a VaskApp, each rendering its object from the
 * {@link io.vask.operator.plan.GatewayPlan} the reconciler stored in the context, plus the
 * conditions that switch the optional ones on and off. Secrets are the exception: {@link
 * io.vask.operator.dependent.OwnedSecrets} reads and writes them by name, without an informer, so
 * the operator needs no right to list or watch Secrets. Every optional dependent names its target
 * explicitly ({@code targetSecondaryResourceID}) because JOSDK otherwise calls {@code desired()} to
 * find the object to delete, when there is no plan for it.
 *
 * <p>Threading: JOSDK may run dependents of one reconcile in parallel; they only read the plan.
 */
package io.vask.operator.dependent;
