package io.vask.gateway.httpapi;

import io.vask.contract.AppSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.ChannelCache;
import io.vask.gateway.cluster.ChannelCounts;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.Membership;
import io.vask.gateway.cluster.Presence;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.limit.ApiRateLimit;
import io.vask.gateway.limit.LimitReason;
import io.vask.gateway.limit.Refusals;
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
  private final ApiRateLimit rates;
  private final Refusals refusals;

  /** A method, a path shape after {@code /apps/{app}} ({@code *} = one segment), its endpoint. */
  private record Route(String name, String method, String[] shape, Endpoint endpoint) {}

  /** The endpoint name (for metrics) and the response. */
  /** The endpoint's name and the app's id (empty when the path names no app) label metrics. */
  public record Outcome(String appId, String endpoint, ApiResponse response) {}

  /**
   * The API over the cluster's parts; {@code clock} checks request timestamps and cache TTLs,
   * {@code rates} each app's {@code apiRequestsPerSecond}.
   */
  public ApiRouter(
      AppRegistry apps,
      ClusterBus bus,
      Membership membership,
      ChannelCache cache,
      Clock clock,
      ApiRateLimit rates,
      Refusals refusals,
      DebugStream debug) {
    this.apps = apps;
    this.authenticator = new ApiAuthenticator(clock);
    this.rates = rates;
    this.refusals = refusals;
    ChannelCounts counts = membership.counts();
    Presence presence = membership.presence();
    EventPublisher publisher = new EventPublisher(bus, counts, cache, clock, debug);
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

  /**
   * What can be decided from the request line alone, before the body is read (a large body from a
   * stranger is then never read): the app and route, key, timestamp and signature, the app enabled,
   * and the app's request rate (429 with {@code Retry-After}). Empty when the request may go on.
   */
  public Optional<Outcome> admit(String method, String rawPath, String rawQuery) {
    Target target = target(method, rawPath);
    if (target.refusal() != null) {
      return Optional.of(target.refusal());
    }
    AppSettings app = target.app();
    String name = target.route().name();
    ApiAuthenticator.Result auth = authenticator.checkQuery(app, method, rawPath, rawQuery);
    if (auth.error() != null) {
      return Optional.of(new Outcome(app.id(), name, auth.error()));
    }
    if (!app.enabled()) {
      return Optional.of(new Outcome(app.id(), name, ApiResponse.error(ApiError.APP_DISABLED)));
    }
    int perSecond = app.limits().apiRequestsPerSecond();
    long retryAfter = rates.tryAcquire(app.id(), perSecond);
    if (retryAfter > 0) {
      refusals.count(LimitReason.API_RATE);
      return Optional.of(
          new Outcome(
              app.id(),
              name,
              ApiResponse.error(ApiError.RATE_LIMITED, perSecond).retryAfter(retryAfter)));
    }
    return Optional.empty();
  }

  public CompletionStage<Outcome> handle(ApiRequest request) {
    Target target = target(request.method(), request.rawPath());
    if (target.refusal() != null) {
      return CompletableFuture.completedFuture(target.refusal());
    }
    return run(target.route(), target.app(), request, target.params());
  }

  /** The route and app a request names, or the refusal when it names none. */
  private record Target(Route route, AppSettings app, List<String> params, Outcome refusal) {
    static Target refused(String appId, String endpoint, ApiResponse response) {
      return new Target(null, null, null, new Outcome(appId, endpoint, response));
    }
  }

  private Target target(String method, String rawPath) {
    List<String> segments;
    try {
      segments = segments(rawPath);
    } catch (IllegalArgumentException e) {
      return Target.refused("", "unknown", ApiResponse.error(ApiError.MALFORMED_PATH));
    }
    if (segments.size() < 3 || !segments.get(0).equals("apps")) {
      return Target.refused("", "unknown", ApiResponse.error(ApiError.PATH_NOT_FOUND, rawPath));
    }
    Optional<AppSettings> app = apps.byIdOrKey(segments.get(1));
    if (app.isEmpty()) {
      return Target.refused(
          "", "unknown", ApiResponse.error(ApiError.APP_NOT_FOUND, segments.get(1)));
    }
    List<String> rest = segments.subList(2, segments.size());
    for (Route route : routes) {
      List<String> params = match(route.shape(), rest);
      if (params == null) {
        continue;
      }
      if (!route.method().equals(method)) {
        return Target.refused(
            app.get().id(), route.name(), ApiResponse.error(ApiError.METHOD_NOT_ALLOWED, method));
      }
      return new Target(route, app.get(), params, null);
    }
    return Target.refused(
        app.get().id(), "unknown", ApiResponse.error(ApiError.PATH_NOT_FOUND, rawPath));
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

  private static CompletionStage<Outcome> done(
      AppSettings app, String endpoint, ApiResponse response) {
    return CompletableFuture.completedFuture(new Outcome(app.id(), endpoint, response));
  }
}
