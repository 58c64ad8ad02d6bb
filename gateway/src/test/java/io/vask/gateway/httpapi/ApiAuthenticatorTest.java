package io.vask.gateway.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.AppSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The signing vectors of PROTOCOL.md §9.3 and the verification rules of §9.2. */
class ApiAuthenticatorTest {
  private static final AppSettings APP =
      AppSettings.of("3", "278d425bdf160c739803", "7ad3773142a6692b25b8");
  private static final long TIMESTAMP = 1353088179;
  private final ApiAuthenticator authenticator =
      new ApiAuthenticator(Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 10), ZoneOffset.UTC));

  private static final String BODY =
      "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";

  @Test
  void triggerVector() {
    ApiRequest request =
        new ApiRequest(
            "POST",
            "/apps/3/events",
            "auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0"
                + "&body_md5=ec365a775a4cd0599faeb73354201b6f"
                + "&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
            BODY.getBytes(StandardCharsets.UTF_8));
    assertThat(authenticator.check(APP, request).error()).isNull();
  }

  @Test
  void getWithExtraParamsVectorAndEncodedValues() {
    ApiRequest request =
        new ApiRequest(
            "GET",
            "/apps/3/channels",
            "auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0"
                + "&filter_by_prefix=presence-&info=user_count"
                + "&auth_signature=16819168891cb5dfd72b5c7a5d3d602605b26c6ba1930033b5e2eeeb65010291",
            new byte[0]);
    assertThat(authenticator.check(APP, request).error()).isNull();
  }

  @Test
  void terminateVector() {
    ApiRequest request =
        new ApiRequest(
            "POST",
            "/apps/3/users/12345/terminate_connections",
            "auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0"
                + "&body_md5=99914b932bd37a50b983c5e7c90ae93b"
                + "&auth_signature=01fa634edeb0cae84115307cad5c23f65a46cd286461b1c89637a3b5871a8f0e",
            "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(authenticator.check(APP, request).error()).isNull();
  }

  @Test
  void refusals() {
    String good =
        "auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0"
            + "&body_md5=ec365a775a4cd0599faeb73354201b6f"
            + "&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c";
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    assertThat(status("POST", good.replace("auth_signature=da", "auth_signature=db"), body))
        .isEqualTo(401);
    assertThat(status("POST", good.replace("body_md5=ec", "body_md5=ed"), body)).isEqualTo(401);
    assertThat(status("POST", good.replace("auth_version=1.0", "auth_version=2.0"), body))
        .isEqualTo(401);
    assertThat(status("POST", good.replace("auth_key=278d", "auth_key=999d"), body)).isEqualTo(400);
    assertThat(status("POST", good + "&auth_key=x", body)).isEqualTo(400);
    assertThat(status("POST", "auth_key=278d425bdf160c739803", body)).isEqualTo(401);
    ApiAuthenticator late =
        new ApiAuthenticator(Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 600), ZoneOffset.UTC));
    ApiResponse stale =
        late.check(APP, new ApiRequest("POST", "/apps/3/events", good, body)).error();
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.body()).contains("Timestamp expired");
  }

  private int status(String method, String query, byte[] body) {
    ApiResponse error =
        authenticator.check(APP, new ApiRequest(method, "/apps/3/events", query, body)).error();
    return error == null ? 200 : error.status();
  }
}
