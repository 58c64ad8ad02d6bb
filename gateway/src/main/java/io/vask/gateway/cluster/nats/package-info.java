/**
 * The cluster through NATS (ARCHITECTURE.md §4, docs/clustering.md): {@link
 * io.vask.gateway.cluster.nats.NatsClusterBus} routes channel events over per-channel subjects a
 * node subscribes while it has local subscribers; the membership parts ({@code NatsOccupancy},
 * {@code NatsPresence}, {@code NatsOnlineUsers}, sharing a {@code NatsMembership}; {@code
 * NatsChannelCounts} and {@code NatsConnectionQuota} over {@code LocalCounts}) decide transitions
 * by compare-and-set on a KV bucket that every node mirrors for reads, and the {@code
 * MembershipJanitor} keeps that bucket true to the living through {@code SweptState}; {@link
 * io.vask.gateway.cluster.nats.NatsChannelCache} keeps cache channels' last events in KV; {@link
 * io.vask.gateway.cluster.nats.NatsWebhookOutbox} is a JetStream work queue with a shared durable
 * consumer. The only package that imports NATS.
 */
package io.vask.gateway.cluster.nats;
