/**
 * What one node needs from the rest of the cluster, as small interfaces: {@link
 * io.vask.gateway.cluster.ClusterBus} (channel events and control messages to the nodes that need
 * them); the {@link io.vask.gateway.cluster.Membership} parts, one per concern — {@link
 * io.vask.gateway.cluster.Occupancy}, {@link io.vask.gateway.cluster.Presence}, {@link
 * io.vask.gateway.cluster.ChannelCounts}, {@link io.vask.gateway.cluster.ConnectionQuota}, {@link
 * io.vask.gateway.cluster.OnlineUsers} — with every transition decided once and every last leave
 * de-bounced by the one {@link io.vask.gateway.cluster.LeaveGrace}; {@link
 * io.vask.gateway.cluster.ChannelCache}; and {@link io.vask.gateway.cluster.WebhookOutbox} (webhook
 * events decided once, delivered at least once). {@code cluster.local} implements them in memory
 * for a single node; {@code cluster.nats} through NATS. Implementations never block the caller:
 * they return completed or completing stages.
 */
package io.vask.gateway.cluster;
