package io.vask.gateway.httpapi;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.ChannelCache;
import io.vask.gateway.cluster.ChannelCounts;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.Presence;
import io.vask.gateway.protocol.ChannelName;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code /apps/{app}/...} to its endpoint: finds the app (by id, or by key), verifies the
 * signature, refuses disabled apps, and turns every refusal into a JSON error with its status.
 */
public final class ApiRouter {
  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

  private final AppRegistry apps;
  private final ApiAuthenticator authenticator;
  private final List<Route> routes;

  /** A method, a path shape after {@code /apps/{app}} ({@code *} = one segment), its endpoint. */
  private record Route(String name, String method, String[] shape, Endpoint endpoint) {}

  /** The endpoint name (for metrics) and the response. */
  /** The endpoint's name and the app's id (empty when the path names no app) label metrics. */
  public record Outcome(String appId, String endpoint, ApiResponse response) {}

  /** The API over the cluster's parts; {@code clock} checks request timestamps and cache TTLs. */
  public ApiRouter(
      AppRegistry apps,
      ClusterBus bus,
      Presence presence,
      ChannelCounts counts,
      ChannelCache cache,
      Clock clock) {
    this.apps = apps;
    this.authenticator = new ApiAuthenticator(clock);
    EventPublisher publisher = new EventPublisher(bus, counts, cache);
    this.routes =
        List.of(
            route("events", "POST", "events", new TriggerEndpoint(publisher)),
            route("batch_events", "POST", "batch_events", new BatchEventsEndpoint(publisher)),
            route("channels", "GET", "channels", new ChannelsEndpoint(counts)),
            route("channel", "GET", "channels/*", new ChannelEndpoint(counts, cache, clock)),
            route("users", "GET", "channels/*/users", new UsersEndpoint(presence)),
            route(
                "terminate", "POST", "users/*/terminate_connections", new TerminateEndpoint(bus)));
  }

  private static Route route(String name, String method, String shape, Endpoint endpoint) {
    return new Route(name, method, shape.split("/"), endpoint);
  }

  public CompletionStage<Outcome> handle(ApiRequest request) {
    List<String> segments;
    try {
      segments = segments(request.rawPath());
    } catch (IllegalArgumentException e) {
      return done("unknown", ApiResponse.error(ApiError.MALFORMED_PATH));
    }
    if (segments.size() < 3 || !segments.get(0).equals("apps")) {
      return done("unknown", ApiResponse.error(ApiError.PATH_NOT_FOUND, request.rawPath()));
    }
    Optional<AppSettings> app = apps.byIdOrKey(segments.get(1));
    if (app.isEmpty()) {
      return done("unknown", ApiResponse.error(ApiError.APP_NOT_FOUND, segments.get(1)));
    }
    List<String> rest = segments.subList(2, segments.size());
    for (Route route : routes) {
      List<String> params = match(route.shape(), rest);
      if (params == null) {
        continue;
      }
      if (!route.method().equals(request.method())) {
        return done(
            app.get(),
            route.name(),
            ApiResponse.error(ApiError.METHOD_NOT_ALLOWED, request.method()));
      }
      return run(route, app.get(), request, params);
    }
    return done(
        app.get(), "unknown", ApiResponse.error(ApiError.PATH_NOT_FOUND, request.rawPath()));
  }

  private CompletionStage<Outcome> run(
      Route route, AppSettings app, ApiRequest request, List<String> params) {
    ApiAuthenticator.Result auth = authenticator.check(app, request);
    if (auth.error() != null) {
      return done(app, route.name(), auth.error());
    }
    if (!app.enabled()) {
      return done(app, route.name(), ApiResponse.error(ApiError.APP_DISABLED));
    }
    CompletionStage<ApiResponse> response;
    try {
      response = route.endpoint().handle(app, request, params, auth.params());
    } catch (ApiException e) {
      return done(app, route.name(), e.response());
    } catch (RuntimeException e) {
      LOG.error("HTTP API {} of app {} failed", route.name(), app.id(), e);
      return done(app, route.name(), ApiResponse.error(ApiError.INTERNAL_ERROR));
    }
    return response
        .exceptionally(
            e -> {
              Throwable cause =
                  e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
              if (cause instanceof ApiException api) {
                return api.response();
              }
              LOG.error("HTTP API {} of app {} failed", route.name(), app.id(), cause);
              return ApiResponse.error(ApiError.CLUSTER_UNAVAILABLE);
            })
        .thenApply(r -> new Outcome(app.id(), route.name(), r));
  }

  /** Path params of a matching shape, or null. */
  private static List<String> match(String[] shape, List<String> rest) {
    if (shape.length != rest.size()) {
      return null;
    }
    List<String> params = new ArrayList<>();
    for (int i = 0; i < shape.length; i++) {
      if (shape[i].equals("*")) {
        params.add(rest.get(i));
      } else if (!shape[i].equals(rest.get(i))) {
        return null;
      }
    }
    return params;
  }

  private static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String part : rawPath.split("/")) {
      if (!part.isEmpty()) {
        segments.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return segments;
  }

  /** A channel name from a path segment; 400 when it breaks the rules. */
  static ChannelName channel(String name) {
    return ChannelName.parse(name)
        .orElseThrow(
            () -> new ApiException(ApiError.CHANNEL_NAME_INVALID, ChannelName.shortened(name)));
  }

  private static CompletionStage<Outcome> done(String endpoint, ApiResponse response) {
    return CompletableFuture.completedFuture(new Outcome("", endpoint, response));
  }

  private static CompletionStage<Outcome> done(
      AppSettings app, String endpoint, ApiResponse response) {
    return CompletableFuture.completedFuture(new Outcome(app.id(), endpoint, response));
  }
}
