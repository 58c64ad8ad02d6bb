package io.vask.gateway.httpapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.contract.AppSettings;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code POST /apps/{id}/events}: one event to up to 100 channels (PROTOCOL.md §9.4). */
final class TriggerEndpoint implements Endpoint {
  private final EventPublisher publisher;

  TriggerEndpoint(EventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public CompletionStage<ApiResponse> handle(
      AppSettings app, ApiRequest request, List<String> pathParams, Map<String, String> query) {
    EventRequest event = EventRequest.parse(JsonBody.object(request), app, false);
    publisher.publish(app, event);
    if (event.info().isEmpty()) {
      return CompletableFuture.completedFuture(ApiResponse.EMPTY_OK);
    }
    ObjectNode channels = Json.MAPPER.createObjectNode();
    CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
    for (ChannelName channel : event.channels()) {
      all =
          all.thenCombine(
              publisher.info(app, channel, event.info()),
              (ignored, node) -> {
                channels.set(channel.value(), node);
                return null;
              });
    }
    return all.thenApply(
        ignored -> {
          ObjectNode body = Json.MAPPER.createObjectNode();
          body.set("channels", channels);
          return ApiResponse.ok(body);
        });
  }
}
