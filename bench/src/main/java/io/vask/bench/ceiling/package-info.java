/**
 * The ceiling: the least work a WebSocket broadcast server can do for the benchmark's protocol
 * subset (connect, subscribe, HTTP publish). Every gateway figure is reported as a fraction of it.
 */
package io.vask.bench.ceiling;
