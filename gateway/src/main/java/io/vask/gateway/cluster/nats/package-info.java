/**
 * The cluster through NATS (ARCHITECTURE.md §4, docs/clustering.md): {@link
 * io.vask.gateway.cluster.nats.NatsClusterBus} routes channel events over per-channel subjects a
 * node subscribes while it has local subscribers; {@link
 * io.vask.gateway.cluster.nats.NatsMembershipStore} decides transitions by compare-and-set on a KV
 * bucket that every node mirrors for reads; {@link io.vask.gateway.cluster.nats.NatsChannelCache}
 * keeps cache channels' last events in KV; {@link io.vask.gateway.cluster.nats.NatsWebhookOutbox}
 * is a JetStream work queue with a shared durable consumer. The only package that imports NATS.
 */
package io.vask.gateway.cluster.nats;
