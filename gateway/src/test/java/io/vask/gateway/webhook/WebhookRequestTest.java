package io.vask.gateway.webhook;

import static io.vask.gateway.webhook.WebhookApps.KEY;
import static io.vask.gateway.webhook.WebhookApps.SECRET;
import static io.vask.gateway.webhook.WebhookApps.app;
import static io.vask.gateway.webhook.WebhookApps.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Validity;
import io.vask.contract.WebhookEventType;
import io.vask.gateway.cluster.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request of PROTOCOL.md §10.1: body, headers and signature, byte for byte. */
class WebhookRequestTest {
  private static final String VECTOR_BODY =
      "{\"time_ms\":1327078148132,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"test-channel\"}]}";
  private static final String VECTOR_SIGNATURE =
      "5dd6562a9f744b72a688bcdfea41c14c2c56d12c44c99e32c08face4cc1e8aeb";

  private final Pusher pusher = new Pusher(WebhookApps.ID, KEY, SECRET);

  @AfterEach
  void closeSdk() throws Exception {
    pusher.close();
  }

  private static WebhookRequest vectorRequest() {
    return WebhookRequest.of(
        app(false),
        "http://127.0.0.1/hook",
        Map.of(),
        List.of(event("channel_occupied", "test-channel", 1327078148132L)));
  }

  @Test
  void bodyAndSignatureMatchTheSpecVector() {
    WebhookRequest request = vectorRequest();

    assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(VECTOR_BODY);
    assertThat(request.headers()).containsEntry("X-Pusher-Signature", VECTOR_SIGNATURE);
    assertThat(request.createdMillis()).isEqualTo(1327078148132L);
  }

  @Test
  void headersAreExactlyWhatTheSdksCheck() {
    assertThat(vectorRequest().headers())
        .containsExactly(
            Map.entry("Content-Type", "application/json"),
            Map.entry("X-Pusher-Key", KEY),
            Map.entry("X-Pusher-Signature", VECTOR_SIGNATURE));
  }

  @Test
  void pusherJavaSdkAcceptsTheSignatureAndRejectsTampering() {
    WebhookRequest request = vectorRequest();
    String body = new String(request.body(), StandardCharsets.UTF_8);
    String signature = request.headers().get("X-Pusher-Signature");

    assertThat(pusher.validateWebhookSignature(KEY, signature, body)).isEqualTo(Validity.VALID);
    assertThat(pusher.validateWebhookSignature(KEY, signature, body.replace("test", "best")))
        .isEqualTo(Validity.INVALID);
    assertThat(pusher.validateWebhookSignature("other-key", signature, body))
        .isEqualTo(Validity.SIGNED_WITH_WRONG_KEY);
  }

  @Test
  void batchCarriesEveryEventInOrderWithTheFirstEventsTime() {
    WebhookRequest request =
        WebhookRequest.of(
            app(true),
            "http://127.0.0.1/hook",
            Map.of(),
            List.of(event("channel_occupied", "a", 1000), event("channel_vacated", "b", 2000)));

    assertThat(new String(request.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"time_ms\":1000,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"a\"},"
                + "{\"name\":\"channel_vacated\",\"channel\":\"b\"}]}");
  }

  @Test
  void numbersStayNumbersAndStringsAreEscaped() {
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("event", "client-yolo");
    client.put("data", "{\"yolo\":\"woot\"}");
    client.put("socket_id", "44610.7511910");
    WebhookRequest request =
        WebhookRequest.of(
            app(true),
            "http://127.0.0.1/hook",
            Map.of(),
            List.of(
                new WebhookEvent(
                    "1",
                    WebhookApps.ID,
                    5,
                    WebhookEventType.SUBSCRIPTION_COUNT,
                    "my-channel",
                    Map.of("subscription_count", 3L)),
                new WebhookEvent(
                    "2",
                    WebhookApps.ID,
                    5,
                    WebhookEventType.CLIENT_EVENT,
                    "private-channel",
                    client)));

    assertThat(new String(request.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"time_ms\":5,\"events\":["
                + "{\"name\":\"subscription_count\",\"channel\":\"my-channel\",\"subscription_count\":3},"
                + "{\"name\":\"client_event\",\"channel\":\"private-channel\",\"event\":\"client-yolo\","
                + "\"data\":\"{\\\"yolo\\\":\\\"woot\\\"}\",\"socket_id\":\"44610.7511910\"}]}");
  }

  @Test
  void extraHeadersAreSentAlongside() {
    WebhookRequest request =
        WebhookRequest.of(
            app(false),
            "http://127.0.0.1/hook",
            Map.of("Authorization", "Bearer t"),
            List.of(event("channel_occupied", "test-channel", 1327078148132L)));

    assertThat(request.headers())
        .containsEntry("Authorization", "Bearer t")
        .containsEntry("Content-Type", "application/json");
  }

  @Test
  void extraHeadersCannotReplaceOrDoubleThePusherHeaders() {
    WebhookRequest request =
        WebhookRequest.of(
            app(false),
            "http://127.0.0.1/hook",
            Map.of(
                "content-type", "text/plain",
                "X-PUSHER-SIGNATURE", "forged",
                "x-pusher-key", "other",
                "X-Env", "prod"),
            List.of(event("channel_occupied", "test-channel", 1327078148132L)));

    assertThat(request.headers())
        .containsOnly(
            Map.entry("X-Env", "prod"),
            Map.entry("Content-Type", "application/json"),
            Map.entry("X-Pusher-Key", KEY),
            Map.entry("X-Pusher-Signature", VECTOR_SIGNATURE));
  }
}
