/**
 * Prometheus text exposition of the gateway's counters, gauges and histograms. Hand-written and
 * tiny on purpose: recording is a {@link java.util.concurrent.atomic.LongAdder} add, safe and cheap
 * from any thread; the hot path records once per fan-out batch, not per socket.
 */
package io.vask.gateway.metrics;
