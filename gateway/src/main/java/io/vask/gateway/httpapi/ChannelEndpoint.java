package io.vask.gateway.httpapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.contract.AppSettings;
import io.vask.gateway.cluster.CachedEvent;
import io.vask.gateway.cluster.ChannelCache;
import io.vask.gateway.cluster.ChannelCounts;
import io.vask.gateway.cluster.ChannelStats;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.ChannelType;
import io.vask.gateway.protocol.Json;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /apps/{id}/channels/{channel}}: {@code occupied}, and on request {@code user_count}
 * (presence only), {@code subscription_count}, {@code cache} (PROTOCOL.md §9.6, §6).
 */
final class ChannelEndpoint implements Endpoint {
  private final ChannelCounts counts;
  private final ChannelCache cache;
  private final Clock clock;

  ChannelEndpoint(ChannelCounts counts, ChannelCache cache, Clock clock) {
    this.counts = counts;
    this.cache = cache;
    this.clock = clock;
  }

  @Override
  public CompletionStage<ApiResponse> handle(
      AppSettings app, ApiRequest request, List<String> pathParams, Map<String, String> query) {
    ChannelName channel = ApiRouter.channel(pathParams.get(0));
    Set<String> info = EventRequest.info(query.get("info"));
    if (info.contains("user_count") && channel.type() != ChannelType.PRESENCE) {
      throw new ApiException(ApiError.USER_COUNT_NOT_PRESENCE);
    }
    CompletionStage<Optional<CachedEvent>> cached =
        info.contains("cache") && channel.cached()
            ? cache.get(app.id(), channel.value())
            : CompletableFuture.completedFuture(Optional.empty());
    return counts
        .stats(app.id(), channel.value())
        .thenCombine(cached, (stats, cache) -> render(stats, cache, channel, info));
  }

  private ApiResponse render(
      ChannelStats stats, Optional<CachedEvent> cache, ChannelName channel, Set<String> info) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("occupied", stats.subscriptionCount() > 0);
    if (info.contains("user_count")) {
      body.put("user_count", stats.userCount());
    }
    if (info.contains("subscription_count")) {
      body.put("subscription_count", stats.subscriptionCount());
    }
    if (info.contains("cache") && channel.cached()) {
      if (cache.isPresent()) {
        ObjectNode node = body.putObject("cache");
        node.put("event", cache.get().event());
        node.put("data", cache.get().data());
        node.put("ttl", cache.get().ttlSeconds(clock.millis()));
      } else {
        body.putNull("cache");
      }
    }
    return ApiResponse.ok(body);
  }
}
