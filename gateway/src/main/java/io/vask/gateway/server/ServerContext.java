package io.vask.gateway.server;

import io.vask.gateway.GatewaySettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.channel.ClientEvents;
import io.vask.gateway.channel.Subscriptions;
import io.vask.gateway.cluster.MembershipStore;
import io.vask.gateway.httpapi.ApiRouter;
import io.vask.gateway.metrics.GatewayMetrics;
import io.vask.gateway.protocol.SocketIds;
import io.vask.gateway.user.Users;

/** What the transport hands Pusher work to; built once by the composition root. */
public record ServerContext(
    GatewaySettings settings,
    AppRegistry apps,
    GatewayMetrics metrics,
    SocketIds socketIds,
    MembershipStore store,
    Subscriptions subscriptions,
    ClientEvents clientEvents,
    Users users,
    ApiRouter api,
    ConnectionTracker connections,
    Readiness readiness) {}
