/**
 * The VaskApp reconciler and what it decides before any child is touched: spec validation,
 * credentials lookup, and the status with its conditions. A reconcile either writes every child
 * from one consistent plan or, when the spec or credentials are unusable, writes none and reports
 * why in the status: nothing is half-applied.
 *
 * <p>Threading: JOSDK reconciles one VaskApp at a time per resource; reconciles of different apps
 * run in parallel and share only immutable values.
 */
package io.vask.operator.reconcile;
