package io.vask.gateway.httpapi;

import io.vask.contract.AppSettings;
import io.vask.contract.signing.ApiRequestSignature;
import io.vask.contract.signing.ApiRequestSignature.Credentials;
import io.vask.gateway.channel.ChannelFixture;
import io.vask.gateway.channel.WireClient;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.limit.ApiRateLimit;
import io.vask.gateway.limit.Refusals;
import io.vask.gateway.metrics.GatewayMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The HTTP API of one node over the local cluster, next to its channel layer ({@link
 * ChannelFixture}) so requests meet real subscribers. Requests are signed here as the Pusher server
 * SDKs sign them (PROTOCOL.md §9.2), with the clock frozen at {@link #NOW}. The only place the
 * endpoint tests construct the API: API changes are adapted here.
 */
final class ApiFixture implements AutoCloseable {
  static final long NOW = 1_800_000_000L;

  private final ChannelFixture node;
  private final ApiRouter router;

  ApiFixture(String... appsJson) {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    node = new ChannelFixture(clock, appsJson);
    router =
        new ApiRouter(
            node.apps(),
            node.cluster().bus(),
            node.cluster().membership(),
            node.cluster().cache(),
            clock,
            new ApiRateLimit(System::nanoTime),
            new Refusals(new GatewayMetrics()),
            DebugStream.OFF);
  }

  /** The channel layer the API publishes to and reads from. */
  ChannelFixture node() {
    return node;
  }

  WireClient connect(String appId) {
    return node.connect(appId);
  }

  /** A signed POST of {@code body} to {@code /apps/{appId}{path}}. */
  ApiResponse post(String appId, String path, String body) {
    return send(signed(appId, "POST", "/apps/" + appId + path, Map.of(), body));
  }

  /** A signed GET of {@code /apps/{appId}{path}} with {@code params} in the query. */
  ApiResponse get(String appId, String path, Map<String, String> params) {
    return send(signed(appId, "GET", "/apps/" + appId + path, params, ""));
  }

  ApiResponse send(ApiRequest request) {
    ApiResponse response = router.handle(request).toCompletableFuture().join().response();
    node.settle();
    return response;
  }

  /** A request signed with the credentials of app {@code appId}, sent to {@code path}. */
  ApiRequest signed(
      String appId, String method, String path, Map<String, String> params, String body) {
    AppSettings app = node.apps().byId(appId).orElseThrow();
    return signed(app.key(), app.secret(), method, path, params, body);
  }

  static ApiRequest signed(
      String key,
      String secret,
      String method,
      String path,
      Map<String, String> params,
      String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String query =
        ApiRequestSignature.signedQuery(
            new Credentials(key, secret), method, path, params, bytes, NOW);
    return new ApiRequest(method, path, query, bytes);
  }

  @Override
  public void close() {
    node.close();
  }
}
