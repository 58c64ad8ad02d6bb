package io.vask.gateway.httpapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.contract.AppSettings;
import io.vask.gateway.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /apps/{id}/batch_events}: up to 10 events, each to one channel; every item is
 * validated before any is published (PROTOCOL.md §9.5).
 */
final class BatchEventsEndpoint implements Endpoint {
  private final EventPublisher publisher;

  BatchEventsEndpoint(EventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public CompletionStage<ApiResponse> handle(
      AppSettings app, ApiRequest request, List<String> pathParams, Map<String, String> query) {
    JsonNode batch = JsonBody.object(request).get("batch");
    if (batch == null || !batch.isArray()) {
      throw new ApiException(ApiError.BATCH_MISSING);
    }
    if (batch.size() > app.limits().maxEventsPerBatch()) {
      throw new ApiException(ApiError.BATCH_TOO_LARGE, app.limits().maxEventsPerBatch());
    }
    List<EventRequest> events = new ArrayList<>();
    for (JsonNode item : batch) {
      events.add(EventRequest.parse(item, app, true));
    }
    events.forEach(event -> publisher.publish(app, event));
    if (events.stream().allMatch(e -> e.info().isEmpty())) {
      return CompletableFuture.completedFuture(ApiResponse.EMPTY_OK);
    }
    List<CompletableFuture<ObjectNode>> infos = new ArrayList<>();
    for (EventRequest event : events) {
      infos.add(
          event.info().isEmpty()
              ? CompletableFuture.completedFuture(Json.MAPPER.createObjectNode())
              : publisher.info(app, event.channels().get(0), event.info()).toCompletableFuture());
    }
    return CompletableFuture.allOf(infos.toArray(CompletableFuture[]::new))
        .thenApply(
            ignored -> {
              ArrayNode items = Json.MAPPER.createArrayNode();
              infos.forEach(info -> items.add(info.join()));
              ObjectNode body = Json.MAPPER.createObjectNode();
              body.set("batch", items);
              return ApiResponse.ok(body);
            });
  }
}
