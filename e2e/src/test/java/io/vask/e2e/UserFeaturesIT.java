package io.vask.e2e;

import static io.vask.e2e.support.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionState;
import io.vask.contract.AppSettings;
import io.vask.e2e.support.AuthEndpoint;
import io.vask.e2e.support.E2eGateway;
import io.vask.e2e.support.SdkClient;
import io.vask.e2e.support.TestApps;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * User authentication (PROTOCOL.md §5) with pusher-java-client signing in through the customer's
 * endpoint: events sent to a user reach every connection of that user and nobody else, and
 * terminating the user's connections closes exactly those with 4009.
 */
class UserFeaturesIT {
  private static final AppSettings APP = TestApps.app("users");

  @Test
  void eventsToAUserReachAllItsConnectionsAndTerminationClosesOnlyThem() throws Exception {
    try (E2eGateway gateway = E2eGateway.start(APP);
        AuthEndpoint auth = AuthEndpoint.start(APP);
        SdkClient phone = gateway.client(APP, auth, "frank");
        SdkClient laptop = gateway.client(APP, auth, "frank");
        SdkClient other = gateway.client(APP, auth, "grace")) {
      List<PusherEvent> toPhone = signedIn(phone);
      List<PusherEvent> toLaptop = signedIn(laptop);
      List<PusherEvent> toOther = signedIn(other);
      com.pusher.rest.Pusher api = gateway.api(APP);

      ok(api.post("/events", userEvent("frank", "{\\\"for\\\":\\\"frank\\\"}")));
      ok(api.post("/events", userEvent("grace", "{\\\"for\\\":\\\"grace\\\"}")));

      await().atMost(Duration.ofSeconds(10)).until(() -> !toPhone.isEmpty() && !toLaptop.isEmpty());
      await().atMost(Duration.ofSeconds(10)).until(() -> !toOther.isEmpty());
      assertThat(toPhone).extracting(PusherEvent::getData).containsExactly("{\"for\":\"frank\"}");
      assertThat(toLaptop).extracting(PusherEvent::getData).containsExactly("{\"for\":\"frank\"}");
      assertThat(toOther).extracting(PusherEvent::getData).containsExactly("{\"for\":\"grace\"}");

      ok(api.post("/users/frank/terminate_connections", "{}"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  phone.state() == ConnectionState.DISCONNECTED
                      && laptop.state() == ConnectionState.DISCONNECTED
                      // the SDK reports the error on its event thread, maybe after the state
                      && phone.errorCodes().contains("4009")
                      && laptop.errorCodes().contains("4009"));
      assertThat(phone.states()).doesNotContain(ConnectionState.RECONNECTING);

      ok(api.post("/events", userEvent("grace", "{\\\"still\\\":\\\"here\\\"}")));
      await().atMost(Duration.ofSeconds(10)).until(() -> toOther.size() == 2);
      assertThat(other.state()).isEqualTo(ConnectionState.CONNECTED);
      api.close();
    }
  }

  private static List<PusherEvent> signedIn(SdkClient client) {
    List<PusherEvent> received = new CopyOnWriteArrayList<>();
    client.connect();
    client.signIn();
    client.pusher().user().bind("notice", received::add);
    return received;
  }

  private static String userEvent(String userId, String escapedData) {
    return "{\"name\":\"notice\",\"channel\":\"#server-to-user-"
        + userId
        + "\",\"data\":\""
        + escapedData
        + "\"}";
  }
}
