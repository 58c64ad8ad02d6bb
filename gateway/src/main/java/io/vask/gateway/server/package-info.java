/**
 * The Netty transport: bootstrap, pipeline, WebSocket upgrade, per-connection I/O, liveness,
 * slow-consumer policy, drain, and the metrics/health port. A connection's Pusher life (admission,
 * messages, departure) is handed to the use cases of {@code io.vask.gateway.connection}. The only
 * package that imports Netty. A {@link io.vask.gateway.server.Connection} is touched only on its
 * event loop.
 */
package io.vask.gateway.server;
