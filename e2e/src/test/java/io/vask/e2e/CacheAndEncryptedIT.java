package io.vask.e2e;

import static io.vask.e2e.support.ApiCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.contract.AppSettings;
import io.vask.e2e.support.Inbox;
import io.vask.e2e.support.OneAppFixture;
import io.vask.e2e.support.SdkClient;
import io.vask.e2e.support.TestApps;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.testing.TestSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cache channels (PROTOCOL.md §6) and end-to-end encrypted channels (§7) with the Java SDKs:
 * pusher-java-client gets the last event or {@code pusher:cache_miss} on subscribe, and decrypts
 * what pusher-http-java encrypted with a master key the gateway never sees.
 */
class CacheAndEncryptedIT {
  private static final AppSettings APP = TestApps.app("features");
  @RegisterExtension static final OneAppFixture FIXTURE = new OneAppFixture(APP);

  @Test
  void aCacheChannelReplaysItsLastEventToANewSubscriber() {
    ok(FIXTURE.api().trigger("cache-weather", "forecast", Map.of("sky", "grey")));
    ok(FIXTURE.api().trigger("cache-weather", "forecast", Map.of("sky", "blue")));
    ok(FIXTURE.api().trigger("private-cache-scores", "score", Map.of("home", 2)));

    SdkClient late = FIXTURE.connected("late");
    Inbox weather = late.subscribe("cache-weather", "forecast", "pusher:cache_miss");
    Inbox scores = late.subscribePrivate("private-cache-scores", "score", "pusher:cache_miss");

    assertThat(weather.awaitEvent("forecast").getData()).isEqualTo("{\"sky\":\"blue\"}");
    assertThat(scores.awaitEvent("score").getData()).isEqualTo("{\"home\":2}");
    ok(FIXTURE.api().trigger("cache-weather", "forecast", Map.of("sky", "red")));
    weather.awaitEvent(e -> e.getData().contains("red"));
    assertThat(weather.events("forecast")).hasSize(2);
    assertThat(weather.events("pusher:cache_miss")).isEmpty();
  }

  @Test
  void anEmptyCacheChannelAnswersWithCacheMiss() {
    SdkClient client = FIXTURE.connected("curious");
    Inbox empty = client.subscribe("cache-nothing-yet", "pusher:cache_miss", "news");
    assertThat(empty.awaitEvent("pusher:cache_miss").getChannelName())
        .isEqualTo("cache-nothing-yet");
    assertThat(empty.events("news")).isEmpty();
  }

  @Test
  void encryptedEventsAreDecryptedByTheSdkAndPassThroughTheGatewayAsCiphertext() {
    String channel = "private-encrypted-vault";
    SdkClient client = FIXTURE.connected("keyholder");
    Inbox vault = client.subscribePrivateEncrypted(channel, "secret");
    try (TestSocket onlooker = TestSocket.connect(FIXTURE.gateway().port(), "/app/" + APP.key())) {
      String socketId = onlooker.socketId();
      String auth =
          Json.parse(FIXTURE.api().authenticate(socketId, channel))
              .orElseThrow()
              .get("auth")
              .asText();
      onlooker.send(
          "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
              + channel
              + "\",\"auth\":\""
              + auth
              + "\"}}");
      onlooker.await("pusher_internal:subscription_succeeded");

      ok(FIXTURE.api().trigger(channel, "secret", Map.of("combination", "12-34-56")));

      assertThat(vault.awaitEvent("secret").getData()).isEqualTo("{\"combination\":\"12-34-56\"}");
      assertThat(vault.failures()).isEmpty();
      JsonNode seen = onlooker.await("secret");
      JsonNode wire = Json.parse(seen.get("data").asText()).orElseThrow();
      assertThat(wire.has("nonce")).isTrue();
      assertThat(wire.has("ciphertext")).isTrue();
      assertThat(seen.get("data").asText()).doesNotContain("12-34-56");
    }
  }
}
