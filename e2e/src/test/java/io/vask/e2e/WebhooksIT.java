package io.vask.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.data.Validity;
import io.vask.contract.AppSettings;
import io.vask.contract.WebhookSettings;
import io.vask.e2e.support.AuthEndpoint;
import io.vask.e2e.support.E2eGateway;
import io.vask.e2e.support.SdkClient;
import io.vask.e2e.support.TestApps;
import io.vask.gateway.testing.WebhookReceiver;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Webhooks (PROTOCOL.md §10) caused by pusher-java-client activity and checked the way an app
 * server checks them: every request passes pusher-http-java's {@code validateWebhookSignature}, all
 * seven event types arrive, joins and leaves once per user, and a webhook's event list and channel
 * prefix filter what it gets.
 */
class WebhooksIT {
  private static final List<String> ALL_TYPES =
      List.of(
          "channel_occupied",
          "channel_vacated",
          "member_added",
          "member_removed",
          "client_event",
          "cache_miss",
          "subscription_count");

  @Test
  void sdkActivitySendsEveryWebhookTypeSignedAsTheServerSdkExpects() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      AppSettings app =
          TestApps.withWebhooks(
              "hooked",
              List.of(
                  new WebhookSettings(receiver.url("/all"), ALL_TYPES, null, null),
                  new WebhookSettings(
                      receiver.url("/private-client-events"),
                      List.of("client_event"),
                      "private-",
                      null)));
      try (E2eGateway gateway = E2eGateway.start(app);
          AuthEndpoint auth = AuthEndpoint.start(app);
          SdkClient ann = gateway.client(app, auth, "ann");
          SdkClient bob = gateway.client(app, auth, "bob")) {
        ann.connect();
        bob.connect();
        ann.subscribePresence("presence-meeting");
        bob.subscribePresence("presence-meeting");
        ann.subscribePrivate("private-notes");
        bob.subscribePrivate("private-notes");
        ann.subscribe("cache-empty");
        ann.presenceChannel("presence-meeting").trigger("client-hello", "{\"hi\":\"all\"}");
        bob.privateChannel("private-notes").trigger("client-note", "{\"n\":1}");
        receiver.awaitEvent(named("client_event").and(on("private-notes")));
        receiver.awaitEvent(named("client_event").and(on("presence-meeting")));
        bob.disconnect();
        receiver.awaitEvent(
            named("member_removed").and(e -> e.path("user_id").asText().equals("bob")));
        ann.disconnect();
        receiver.awaitEvent(named("channel_vacated").and(on("presence-meeting")));
        receiver.awaitEvent(named("channel_vacated").and(on("private-notes")));
      }

      try (com.pusher.rest.Pusher verifier =
          new com.pusher.rest.Pusher(app.id(), app.key(), app.secret())) {
        for (WebhookReceiver.Request request : receiver.requests()) {
          assertThat(request.header("Content-Type")).isEqualTo("application/json");
          assertThat(request.header("X-Pusher-Key")).isEqualTo(app.key());
          assertThat(
                  verifier.validateWebhookSignature(
                      request.header("X-Pusher-Key"),
                      request.header("X-Pusher-Signature"),
                      request.bodyText()))
              .isEqualTo(Validity.VALID);
        }
      }

      List<JsonNode> all = eventsAt(receiver, "/all");
      assertThat(all).extracting(e -> e.get("name").asText()).containsAll(ALL_TYPES);
      assertThat(all.stream().filter(named("member_added")))
          .extracting(e -> e.get("user_id").asText())
          .containsExactlyInAnyOrder("ann", "bob");
      assertThat(all.stream().filter(named("member_removed")))
          .extracting(e -> e.get("user_id").asText())
          .containsExactlyInAnyOrder("ann", "bob");
      assertThat(all.stream().filter(named("channel_occupied").and(on("presence-meeting"))))
          .hasSize(1);
      JsonNode presenceEvent =
          all.stream().filter(named("client_event").and(on("presence-meeting"))).findFirst().get();
      assertThat(presenceEvent.get("user_id").asText()).isEqualTo("ann");
      assertThat(presenceEvent.get("event").asText()).isEqualTo("client-hello");
      assertThat(presenceEvent.get("data").asText()).isEqualTo("{\"hi\":\"all\"}");
      assertThat(all.stream().filter(named("cache_miss")))
          .extracting(e -> e.get("channel").asText())
          .containsExactly("cache-empty");

      List<JsonNode> filtered = eventsAt(receiver, "/private-client-events");
      assertThat(filtered).hasSize(1);
      assertThat(filtered.get(0).get("channel").asText()).isEqualTo("private-notes");
      assertThat(filtered.get(0).has("user_id")).isFalse();
    }
  }

  private static List<JsonNode> eventsAt(WebhookReceiver receiver, String path) {
    return receiver.requests().stream()
        .filter(r -> r.path().equals(path))
        .flatMap(r -> r.events().stream())
        .toList();
  }

  private static Predicate<JsonNode> named(String name) {
    return event -> name.equals(event.path("name").asText());
  }

  private static Predicate<JsonNode> on(String channel) {
    return event -> channel.equals(event.path("channel").asText());
  }
}
