/**
 * The load scenarios. Each connects its sockets, drives load for a bounded time, waits a bounded
 * time for the last deliveries and returns one result line (deliveries/s, loss, latency, CPU).
 */
package io.vask.bench.scenario;
