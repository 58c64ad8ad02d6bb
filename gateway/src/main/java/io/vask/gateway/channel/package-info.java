/**
 * This node's subscriptions and the Pusher rules around them: subscribe/unsubscribe, presence,
 * client events and local fan-out. A {@link io.vask.gateway.channel.Session} and everything it owns
 * is touched only on its connection's event loop; {@link io.vask.gateway.channel.ChannelRegistry}
 * is safe from any thread; per-loop subscriber sets are read and written only on their loop, so
 * fan-out hands one task per loop instead of locking. No Netty imports: the transport is reached
 * through {@link io.vask.gateway.channel.Transport}.
 */
package io.vask.gateway.channel;
