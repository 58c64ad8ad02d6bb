package io.vask.e2e.support;

import com.pusher.client.PusherOptions;
import io.vask.contract.AppSettings;
import io.vask.gateway.Gateway;
import io.vask.gateway.GatewaySettings;
import io.vask.gateway.app.StaticAppRegistry;
import io.vask.gateway.cluster.local.LocalCluster;
import io.vask.gateway.metrics.GatewayMetrics;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * A single-node gateway started in-process on free loopback ports, with clients for it: the HTTP
 * API through pusher-http-java and WebSocket clients through pusher-java-client.
 */
public final class E2eGateway implements AutoCloseable {
  private final Gateway gateway;

  private E2eGateway(Gateway gateway) {
    this.gateway = gateway;
  }

  public static E2eGateway start(AppSettings... apps) {
    return start(settings().build(), apps);
  }

  public static E2eGateway start(GatewaySettings settings, AppSettings... apps) {
    try {
      return new E2eGateway(
          Gateway.start(
              settings,
              new StaticAppRegistry(List.of(apps)),
              LocalCluster.create(Clock.systemUTC()),
              Clock.systemUTC()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static TestSettings settings() {
    return new TestSettings();
  }

  public int port() {
    return gateway.port();
  }

  public int metricsPort() {
    return gateway.metricsPort();
  }

  public GatewayMetrics metrics() {
    return gateway.metrics();
  }

  /** pusher-http-java pointed at this gateway over plain HTTP. */
  public com.pusher.rest.Pusher api(AppSettings app) {
    com.pusher.rest.Pusher api = new com.pusher.rest.Pusher(app.id(), app.key(), app.secret());
    api.setHost("127.0.0.1:" + port());
    api.setEncrypted(false);
    return api;
  }

  /** A pusher-java-client for this gateway, not yet connected. */
  public SdkClient client(AppSettings app, AuthEndpoint auth, String userId) {
    return client(app, auth, userId, options -> {});
  }

  /** As {@link #client(AppSettings, AuthEndpoint, String)}, with SDK options adjusted. */
  public SdkClient client(
      AppSettings app, AuthEndpoint auth, String userId, Consumer<PusherOptions> tuning) {
    return SdkClient.create(app.key(), port(), auth, userId, tuning);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() {
    gateway.close();
  }
}
