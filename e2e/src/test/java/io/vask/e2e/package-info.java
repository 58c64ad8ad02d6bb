/**
 * End-to-end tests: the real Pusher Java SDKs (pusher-java-client, pusher-http-java) and raw
 * sockets against a real gateway on loopback, one scenario family per class.
 */
package io.vask.e2e;
