/**
 * The load generator's client side: raw WebSocket sockets whose frames are parsed in place (no
 * allocation per message), per-loop latency histograms, and the signed HTTP API publisher.
 */
package io.vask.bench.client;
