package io.vask.gateway.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routing, authentication and the refusals every endpoint shares (PROTOCOL.md §9.1–9.2). */
class ApiRouterTest {
  static final String EVENT = "{\"name\":\"e\",\"channel\":\"news\",\"data\":\"d\"}";
  final ApiFixture api =
      new ApiFixture(
          "{\"id\":\"1\",\"key\":\"key1\",\"secret\":\"secret1\"}",
          "{\"id\":\"2\",\"key\":\"key2\",\"secret\":\"secret2\",\"enabled\":false}");

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void aSignedTriggerIsAccepted() {
    ApiResponse response = api.post("1", "/events", EVENT);
    assertThat(response).isEqualTo(new ApiResponse(200, "{}"));
  }

  @Test
  void theAppKeyWorksInPlaceOfTheId() {
    ApiRequest request =
        ApiFixture.signed("key1", "secret1", "POST", "/apps/key1/events", Map.of(), EVENT);
    assertThat(api.send(request).status()).isEqualTo(200);
  }

  @Test
  void unknownAppsPathsAndMethods() {
    ApiRequest unknown =
        ApiFixture.signed("key1", "secret1", "POST", "/apps/9/events", Map.of(), EVENT);
    assertThat(api.send(unknown))
        .isEqualTo(new ApiResponse(404, "{\"error\":\"Unknown app \\\"9\\\"\"}"));
    assertThat(api.post("1", "/nothing", EVENT))
        .isEqualTo(new ApiResponse(404, "{\"error\":\"Not found: /apps/1/nothing\"}"));
    assertThat(api.get("1", "/events", Map.of()))
        .isEqualTo(new ApiResponse(405, "{\"error\":\"Method GET not allowed\"}"));
  }

  @Test
  void missingAuthIs401() {
    ApiResponse response =
        api.send(
            new ApiRequest("POST", "/apps/1/events", "", EVENT.getBytes(StandardCharsets.UTF_8)));
    assertThat(response)
        .isEqualTo(
            new ApiResponse(
                401, "{\"error\":\"Missing auth_key, auth_timestamp or auth_signature\"}"));
  }

  @Test
  void aWrongSecretIs401NamingTheStringToSign() {
    ApiRequest request =
        ApiFixture.signed("key1", "not-the-secret", "POST", "/apps/1/events", Map.of(), EVENT);
    ApiResponse response = api.send(request);
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body())
        .startsWith(
            "{\"error\":\"Invalid signature: you should have sent HmacSHA256Hex(\\\"POST\\\\n"
                + "/apps/1/events\\\\nauth_key=key1&auth_timestamp="
                + ApiFixture.NOW);
    assertThat(api.node().controls()).isEmpty();
  }

  @Test
  void aBodyOtherThanTheSignedOneIs401() {
    ApiRequest signed = api.signed("1", "POST", "/apps/1/events", Map.of(), EVENT);
    ApiRequest tampered =
        new ApiRequest(
            "POST",
            signed.rawPath(),
            signed.rawQuery(),
            EVENT.replace("\"d\"", "\"x\"").getBytes(StandardCharsets.UTF_8));
    assertThat(api.send(tampered))
        .isEqualTo(
            new ApiResponse(
                401, "{\"error\":\"Invalid body_md5: expected the MD5 hex digest of the body\"}"));
  }

  @Test
  void anotherAppsKeyIs400() {
    ApiRequest request =
        ApiFixture.signed("key2", "secret2", "POST", "/apps/1/events", Map.of(), EVENT);
    assertThat(api.send(request))
        .isEqualTo(new ApiResponse(400, "{\"error\":\"Unknown auth_key\"}"));
  }

  @Test
  void aDisabledAppIs403OnceAuthenticated() {
    assertThat(api.post("2", "/events", EVENT))
        .isEqualTo(new ApiResponse(403, "{\"error\":\"Application disabled\"}"));
  }

  @Test
  void badJsonIs400() {
    String expected = "{\"error\":\"Malformed JSON body (expected a JSON object)\"}";
    assertThat(api.post("1", "/events", "{\"name\":")).isEqualTo(new ApiResponse(400, expected));
    assertThat(api.post("1", "/events", "[1]")).isEqualTo(new ApiResponse(400, expected));
    assertThat(api.post("1", "/batch_events", "nope")).isEqualTo(new ApiResponse(400, expected));
  }
}
