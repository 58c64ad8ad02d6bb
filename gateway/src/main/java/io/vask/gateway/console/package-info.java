/**
 * The debug console: per-app debug records ({@link io.vask.gateway.console.DebugStream}, called
 * from one line in each part that sees a moment worth showing), their interest-based publication
 * through the cluster bus ({@link io.vask.gateway.console.DebugHub}), the signed console token
 * ({@link io.vask.gateway.console.ConsoleToken}) and the console's use cases ({@link
 * io.vask.gateway.console.Console}). {@link io.vask.gateway.console.DebugLog} also writes the
 * connection and subscription moments to the log at DEBUG. Plain Java: the transport in {@code
 * server} serves the pages and the record stream.
 *
 * <p>Threading: hooks are called from any thread (event loops, bus and webhook threads) and cost
 * one volatile read while nobody watches the gateway's apps; watchers' sinks are called from the
 * bus's delivering thread and must not block.
 */
package io.vask.gateway.console;
