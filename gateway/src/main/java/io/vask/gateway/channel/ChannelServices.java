package io.vask.gateway.channel;

import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.ChannelCache;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.MembershipStore;
import io.vask.gateway.webhook.Webhooks;

/** What the channel use cases share: apps, this node's registry and the cluster. */
public record ChannelServices(
    AppRegistry apps,
    ChannelRegistry registry,
    ClusterBus bus,
    MembershipStore store,
    ChannelCache cache,
    Webhooks webhooks) {}
