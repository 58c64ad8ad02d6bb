/**
 * The operator process: settings from the environment (validated at once, every problem listed),
 * the JOSDK {@code Operator} assembly with leader election and metrics, and the probe/metrics HTTP
 * server. {@link io.vask.operator.main.Main} is the only place that reads the environment or exits.
 */
package io.vask.operator.main;
