/**
 * Limits that keep strangers from exhausting a gateway: connections per pod and per client address,
 * new connections per address per second, subscribe and sign-in rates per socket, HTTP API requests
 * per app per second, allowed origins. Plain Java, no Netty: {@code connection.Admission}, {@code
 * connection.InboundMessages} and the HTTP API call it; every refusal is counted by {@link
 * LimitReason}. State per address is bounded (a cap on tracked addresses, idle ones evicted);
 * per-socket state lives in the session. Nothing here runs per delivered frame.
 *
 * <p>Threading: {@link ConnectionLimits} and {@link ApiRateLimit} are safe from any thread; a
 * {@link RateWindow} belongs to one socket and its loop.
 */
package io.vask.gateway.limit;
