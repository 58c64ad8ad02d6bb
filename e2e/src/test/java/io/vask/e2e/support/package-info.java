/**
 * What the end-to-end tests share: an in-process gateway on free ports, the apps it serves, a
 * customer-style auth endpoint that signs with pusher-http-java, recording SDK listeners, and raw
 * WebSocket clients for what no well-behaved SDK would send.
 */
package io.vask.e2e.support;
