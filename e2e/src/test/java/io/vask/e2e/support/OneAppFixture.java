package io.vask.e2e.support;

import io.vask.contract.AppSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's gateway serving one app, the app's auth endpoint and its pusher-http-java client;
 * the SDK clients a test connects are closed after it. Register as a static
 * {@code @RegisterExtension} field.
 */
public final class OneAppFixture implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
  private final AppSettings app;
  private final List<SdkClient> clients = new ArrayList<>();
  private E2eGateway gateway;
  private AuthEndpoint auth;
  private com.pusher.rest.Pusher api;

  public OneAppFixture(AppSettings app) {
    this.app = app;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    gateway = E2eGateway.start(app);
    auth = AuthEndpoint.start(app);
    api = gateway.api(app);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    clients.forEach(SdkClient::close);
    clients.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    api.close();
    auth.close();
    gateway.close();
  }

  /** A pusher-java-client connected as {@code userId} (the auth endpoint signs for that user). */
  public SdkClient connected(String userId) {
    SdkClient client = gateway.client(app, auth, userId);
    clients.add(client);
    client.connect();
    return client;
  }

  public E2eGateway gateway() {
    return gateway;
  }

  public AuthEndpoint auth() {
    return auth;
  }

  public com.pusher.rest.Pusher api() {
    return api;
  }
}
