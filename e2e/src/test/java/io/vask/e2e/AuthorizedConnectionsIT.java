package io.vask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionState;
import io.vask.contract.AppSettings;
import io.vask.e2e.support.ApiCalls;
import io.vask.e2e.support.AuthEndpoint;
import io.vask.e2e.support.E2eGateway;
import io.vask.e2e.support.Inbox;
import io.vask.e2e.support.SdkClient;
import io.vask.e2e.support.TestApps;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Authorized connections (PROTOCOL.md §5.5) with pusher-java-client and a three-second timeout
 * (room for the others to sign in or subscribe on a busy machine): a socket that neither signs in
 * nor subscribes to a private channel is closed with 4009 (and the SDK does not reconnect), while
 * one signed in through the user-auth endpoint, and one holding a private subscription, stay
 * connected past their deadline and still receive.
 */
class AuthorizedConnectionsIT {
  private static final AppSettings APP = TestApps.app("guarded", true, true, null, null);

  @Test
  void unsignedSocketIsClosedWith4009WhileSignedAndPrivateOnesStay() {
    var settings = E2eGateway.settings().authorizationTimeoutMillis(3000).build();
    try (E2eGateway gateway = E2eGateway.start(settings, APP);
        AuthEndpoint auth = AuthEndpoint.start(APP);
        SdkClient signed = gateway.client(APP, auth, "dave");
        SdkClient privateOnly = gateway.client(APP, auth, "erin");
        SdkClient unsigned = gateway.client(APP, auth, "mallory")) {
      signed.connect();
      signed.signIn();
      List<PusherEvent> toDave = new CopyOnWriteArrayList<>();
      signed.pusher().user().bind("notice", toDave::add);
      privateOnly.connect();
      Inbox erinsInbox = privateOnly.subscribePrivate("private-erin", "notice");
      long closedBefore = gateway.metrics().total("vask_errors_total", "code", "4009");

      // Connected last, so by the time it is closed the others are past their own deadline.
      unsigned.connect();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  unsigned.state() == ConnectionState.DISCONNECTED
                      // the SDK reports the error on its event thread, maybe after the state
                      && unsigned.errorCodes().contains("4009"));
      assertThat(unsigned.states()).doesNotContain(ConnectionState.RECONNECTING);
      assertThat(gateway.metrics().total("vask_errors_total", "code", "4009"))
          .isGreaterThan(closedBefore);

      assertThat(signed.state()).isEqualTo(ConnectionState.CONNECTED);
      assertThat(privateOnly.state()).isEqualTo(ConnectionState.CONNECTED);
      try (com.pusher.rest.Pusher api = gateway.api(APP)) {
        ApiCalls.ok(
            api.post(
                "/events",
                "{\"name\":\"notice\",\"channel\":\"#server-to-user-dave\",\"data\":\"{\\\"hi\\\":1}\"}"));
        ApiCalls.ok(
            api.post(
                "/events",
                "{\"name\":\"notice\",\"channel\":\"private-erin\",\"data\":\"{\\\"hi\\\":2}\"}"));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> !toDave.isEmpty());
      assertThat(toDave.get(0).getData()).isEqualTo("{\"hi\":1}");
      assertThat(erinsInbox.awaitEvent("notice").getData()).isEqualTo("{\"hi\":2}");
      assertThat(signed.errorCodes()).doesNotContain("4009");
      assertThat(privateOnly.errorCodes()).doesNotContain("4009");
    }
  }
}
