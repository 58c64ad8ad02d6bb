package io.vask.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.contract.AppSettings;
import io.vask.contract.signing.ApiRequestSignature;
import io.vask.contract.signing.ApiRequestSignature.Credentials;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.ChannelCounts;
import io.vask.gateway.cluster.ChannelStats;
import io.vask.gateway.cluster.Presence;
import io.vask.gateway.httpapi.ApiError;
import io.vask.gateway.httpapi.ApiRequest;
import io.vask.gateway.httpapi.ApiResponse;
import io.vask.gateway.httpapi.ApiRouter;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.ChannelType;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.protocol.PresenceMember;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * What the console page can do, each authorized by a {@link ConsoleToken}: watch an app's debug
 * records, read its live figures, list its channels (subscriber counts and presence members,
 * cluster-wide), and publish an event. Published events go through the HTTP API's router as a
 * request the gateway signs with the app's secret, so they take the API's exact path (validation,
 * limits, webhooks, counts).
 */
public final class Console {
  private final AppRegistry apps;
  private final DebugHub hub;
  private final ApiRouter api;
  private final ChannelCounts counts;
  private final Presence presence;
  private final LiveFigures figures;
  private final Clock clock;

  public Console(
      AppRegistry apps,
      DebugHub hub,
      ApiRouter api,
      ChannelCounts counts,
      Presence presence,
      LiveFigures figures,
      Clock clock) {
    this.apps = apps;
    this.hub = hub;
    this.api = api;
    this.counts = counts;
    this.presence = presence;
    this.figures = figures;
    this.clock = clock;
  }

  public Optional<AppSettings> authorize(String token) {
    return ConsoleToken.verify(token, apps, clock);
  }

  public Watcher watch(AppSettings app, Consumer<String> sink) {
    return hub.watch(app.id(), sink);
  }

  public void unwatch(Watcher watcher) {
    hub.unwatch(watcher);
  }

  /**
   * Publishes {@code {"channel","event","data"}} (data: any JSON; a string is sent as is) as the
   * HTTP API's trigger would.
   */
  public CompletionStage<ApiResponse> publish(AppSettings app, byte[] body) {
    Optional<JsonNode> parsed = Json.parse(body);
    if (parsed.isEmpty() || !parsed.get().path("channel").isTextual()) {
      return CompletableFuture.completedFuture(ApiResponse.error(ApiError.CONSOLE_EVENT_INVALID));
    }
    JsonNode in = parsed.get();
    JsonNode data = in.path("data");
    ObjectNode trigger = Json.MAPPER.createObjectNode();
    trigger.put("name", in.path("event").asText(""));
    trigger.putArray("channels").add(in.path("channel").asText());
    trigger.put("data", data.isTextual() ? data.asText() : Json.write(data));
    return api.handle(signed(app, "POST", "/apps/" + app.id() + "/events", trigger))
        .thenApply(ApiRouter.Outcome::response);
  }

  /**
   * The app's live figures: connections and occupied channels cluster-wide ({@link LiveFigures}).
   */
  public CompletionStage<ApiResponse> stats(AppSettings app) {
    return figures.of(app);
  }

  /** The app's occupied channels with subscriber counts, and the members of presence channels. */
  public CompletionStage<ApiResponse> channels(AppSettings app) {
    return counts
        .channels(app.id(), "")
        .thenCompose(
            all -> {
              ObjectNode out = Json.MAPPER.createObjectNode();
              ArrayNode list = out.putArray("channels");
              List<CompletableFuture<?>> lookups = new ArrayList<>();
              new TreeMap<>(all).forEach((name, stats) -> lookups.add(add(app, list, name, stats)));
              return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
                  .thenApply(done -> ApiResponse.ok(out));
            });
  }

  private CompletableFuture<?> add(AppSettings app, ArrayNode list, String name, ChannelStats s) {
    ObjectNode channel = list.addObject().put("name", name);
    channel.put("subscription_count", s.subscriptionCount());
    if (ChannelName.parse(name).map(c -> c.type() != ChannelType.PRESENCE).orElse(true)) {
      return CompletableFuture.completedFuture(null);
    }
    channel.put("user_count", s.userCount());
    ArrayNode members = channel.putArray("members");
    return presence
        .members(app.id(), name)
        .thenAccept(
            found -> {
              synchronized (list) {
                for (PresenceMember member : found) {
                  members.addObject().put("id", member.userId()).put("info", member.userInfoJson());
                }
              }
            })
        .toCompletableFuture();
  }

  /** A request to the HTTP API signed as a server SDK would sign it (PROTOCOL.md §9.2). */
  private ApiRequest signed(AppSettings app, String method, String path, JsonNode json) {
    byte[] body = Json.write(json).getBytes(StandardCharsets.UTF_8);
    String query =
        ApiRequestSignature.signedQuery(
            new Credentials(app.key(), app.secret()),
            method,
            path,
            Map.of(),
            body,
            clock.instant().getEpochSecond());
    return new ApiRequest(method, path, query, body);
  }
}
