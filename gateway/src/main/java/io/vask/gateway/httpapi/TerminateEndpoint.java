package io.vask.gateway.httpapi;

import io.vask.contract.AppSettings;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.ControlMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /apps/{id}/users/{user_id}/terminate_connections}: closes every connection signed in
 * as the user, on every node (PROTOCOL.md §5.4, §9.7).
 */
final class TerminateEndpoint implements Endpoint {
  private final ClusterBus bus;

  TerminateEndpoint(ClusterBus bus) {
    this.bus = bus;
  }

  @Override
  public CompletionStage<ApiResponse> handle(
      AppSettings app, ApiRequest request, List<String> pathParams, Map<String, String> query) {
    String userId = pathParams.get(0);
    if (userId.isEmpty()) {
      throw new ApiException(ApiError.USER_ID_MISSING);
    }
    bus.broadcast(new ControlMessage.TerminateUser(app.id(), userId));
    return CompletableFuture.completedFuture(ApiResponse.EMPTY_OK);
  }
}
