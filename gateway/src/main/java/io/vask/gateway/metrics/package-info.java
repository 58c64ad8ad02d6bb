/**
 * The gateway's metrics on Micrometer's Prometheus registry: JVM and process meters, per-app
 * connection, message and API series (tag {@code app}, bounded by the apps file and removed with
 * the app), errors and the fan-out latency. The hot path increments cached meter instances once per
 * connection event or fan-out batch; it never looks tags up per message. docs/metrics.md lists
 * every family; a test compares it with a scrape.
 */
package io.vask.gateway.metrics;
