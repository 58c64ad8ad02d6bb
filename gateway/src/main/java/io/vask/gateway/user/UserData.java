package io.vask.gateway.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.gateway.protocol.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parsed {@code user_data} of a sign-in: id, user_info JSON text, watchlist. */
record UserData(String id, String userInfoJson, List<String> watchlist) {

  /** Parses user_data; empty when it is not an object with a non-empty string {@code id}. */
  static Optional<UserData> parse(String userData) {
    Optional<JsonNode> parsed = Json.parse(userData).filter(JsonNode::isObject);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    JsonNode id = parsed.get().get("id");
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      return Optional.empty();
    }
    JsonNode info = parsed.get().get("user_info");
    String infoJson = info == null || info.isNull() ? "{}" : Json.write(info);
    List<String> watchlist = new ArrayList<>();
    JsonNode watch = parsed.get().get("watchlist");
    if (watch != null && watch.isArray()) {
      watch.forEach(
          w -> {
            if (w.isTextual() || w.isIntegralNumber()) {
              watchlist.add(w.asText());
            }
          });
    }
    return Optional.of(new UserData(id.asText(), infoJson, watchlist));
  }
}
