/**
 * The Pusher wire format and rules as plain Java: channel names and types, signatures, the error
 * catalog, client message parsing and server frame encoding. No Netty, no NATS, no threads: every
 * class here is pure and safe to call from any thread.
 */
package io.vask.gateway.protocol;
