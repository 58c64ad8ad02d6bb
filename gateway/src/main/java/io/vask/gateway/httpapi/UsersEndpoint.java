package io.vask.gateway.httpapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.contract.AppSettings;
import io.vask.gateway.cluster.Presence;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.ChannelType;
import io.vask.gateway.protocol.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** {@code GET /apps/{id}/channels/{channel}/users}: a presence channel's members (§9.6). */
final class UsersEndpoint implements Endpoint {
  private final Presence presence;

  UsersEndpoint(Presence presence) {
    this.presence = presence;
  }

  @Override
  public CompletionStage<ApiResponse> handle(
      AppSettings app, ApiRequest request, List<String> pathParams, Map<String, String> query) {
    ChannelName channel = ApiRouter.channel(pathParams.get(0));
    if (channel.type() != ChannelType.PRESENCE) {
      throw new ApiException(ApiError.USERS_NOT_PRESENCE);
    }
    return presence
        .members(app.id(), channel.value())
        .thenApply(
            members -> {
              ObjectNode body = Json.MAPPER.createObjectNode();
              ArrayNode users = body.putArray("users");
              members.forEach(m -> users.addObject().put("id", m.userId()));
              return ApiResponse.ok(body);
            });
  }
}
