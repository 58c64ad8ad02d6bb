/**
 * The single-node (embedded default) cluster: the bus delivers straight to this node, the
 * membership parts are synchronized maps ({@link io.vask.gateway.cluster.local.LocalMembership}
 * holds what occupancy, presence and counts share), the outbox a bounded in-memory queue. Safe from
 * any thread.
 */
package io.vask.gateway.cluster.local;
