/**
 * The standard benchmark set: starts its own servers (ceiling, gateway, NATS + gateways) pinned
 * with taskset, runs the scenarios with bounded time, writes results JSON, charts and a profile.
 */
package io.vask.bench.suite;
