/**
 * The resolved plan of one gateway fleet: the spec with defaults applied, the credentials read from
 * their Secret, the rendered apps file and the restart hash. The reconciler builds a {@link
 * io.vask.operator.plan.GatewayPlan} once per reconcile and hands it to the dependents through the
 * JOSDK context, so every child object is rendered from the same values. Pure functions, no I/O.
 */
package io.vask.operator.plan;
