package io.vask.gateway.httpapi;

import io.vask.gateway.cluster.ChannelCache;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.MembershipStore;
import java.time.Clock;

/** What the endpoints use: the cluster, the cache, and a clock (tests freeze it). */
public record ApiServices(ClusterBus bus, MembershipStore store, ChannelCache cache, Clock clock) {}
