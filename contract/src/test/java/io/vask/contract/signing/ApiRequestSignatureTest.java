package io.vask.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.signing.ApiRequestSignature.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request-signing vectors of PROTOCOL.md §9.3. */
class ApiRequestSignatureTest {
  private static final Credentials APP =
      new Credentials("278d425bdf160c739803", "7ad3773142a6692b25b8");
  private static final long TIMESTAMP = 1353088179;

  @Test
  void signsTheWorkedEventExample() {
    byte[] body =
        "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}"
            .getBytes(StandardCharsets.UTF_8);

    String query =
        ApiRequestSignature.signedQuery(APP, "POST", "/apps/3/events", Map.of(), body, TIMESTAMP);

    assertThat(query)
        .isEqualTo(
            "auth_key=278d425bdf160c739803&auth_signature="
                + "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"
                + "&auth_timestamp=1353088179&auth_version=1.0"
                + "&body_md5=ec365a775a4cd0599faeb73354201b6f");
  }

  @Test
  void signsExtraParametersUnencodedAndSendsThemEncoded() {
    String query =
        ApiRequestSignature.signedQuery(
            APP,
            "GET",
            "/apps/3/channels",
            Map.of("filter_by_prefix", "presence-", "info", "user_count"),
            new byte[0],
            TIMESTAMP);

    assertThat(query)
        .contains("auth_signature=16819168891cb5dfd72b5c7a5d3d602605b26c6ba1930033b5e2eeeb65010291")
        .doesNotContain("body_md5");
  }

  @Test
  void encodesValuesOutsideTheUnreservedSet() {
    String query =
        ApiRequestSignature.signedQuery(
            APP, "GET", "/apps/3/channels", Map.of("filter_by_prefix", "a b&c"), new byte[0], 1);

    assertThat(query).contains("filter_by_prefix=a%20b%26c");
  }
}
