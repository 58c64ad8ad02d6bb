package io.vask.gateway.httpapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.contract.AppSettings;
import io.vask.gateway.cluster.ChannelCounts;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /apps/{id}/channels}: occupied channels, optionally by prefix, with {@code user_count}
 * (presence prefixes only) or {@code subscription_count} (PROTOCOL.md §9.6).
 */
final class ChannelsEndpoint implements Endpoint {
  private final ChannelCounts counts;

  ChannelsEndpoint(ChannelCounts counts) {
    this.counts = counts;
  }

  @Override
  public CompletionStage<ApiResponse> handle(
      AppSettings app, ApiRequest request, List<String> pathParams, Map<String, String> query) {
    String prefix = query.getOrDefault("filter_by_prefix", "");
    Set<String> info = EventRequest.info(query.get("info"));
    if (info.contains("user_count") && !prefix.startsWith("presence-")) {
      throw new ApiException(ApiError.USER_COUNT_NEEDS_PRESENCE_PREFIX);
    }
    return counts
        .channels(app.id(), prefix)
        .thenApply(
            channels -> {
              ObjectNode list = Json.MAPPER.createObjectNode();
              channels.forEach(
                  (name, stats) -> {
                    if (name.startsWith(ChannelName.USER_PREFIX)) {
                      return;
                    }
                    ObjectNode node = list.putObject(name);
                    if (info.contains("user_count")) {
                      node.put("user_count", stats.userCount());
                    }
                    if (info.contains("subscription_count")) {
                      node.put("subscription_count", stats.subscriptionCount());
                    }
                  });
              ObjectNode body = Json.MAPPER.createObjectNode();
              body.set("channels", list);
              return ApiResponse.ok(body);
            });
  }
}
