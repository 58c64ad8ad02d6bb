/**
 * What one node needs from the rest of the cluster, as three small interfaces: {@link
 * io.vask.gateway.cluster.ClusterBus} (channel events and control messages to the nodes that need
 * them), {@link io.vask.gateway.cluster.MembershipStore} (cluster-wide occupancy, presence, counts
 * and online users, with every transition decided once) and {@link
 * io.vask.gateway.cluster.WebhookOutbox} (webhook events decided once, delivered at least once).
 * {@code cluster.local} implements them in memory for a single node; {@code cluster.nats} through
 * NATS. Implementations never block the caller: they return completed or completing stages.
 */
package io.vask.gateway.cluster;
