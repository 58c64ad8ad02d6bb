/**
 * The single-node (embedded default) cluster: the bus delivers straight to this node, the store is
 * a set of synchronized maps, the outbox a bounded in-memory queue. Safe from any thread.
 */
package io.vask.gateway.cluster.local;
