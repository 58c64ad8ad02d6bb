package io.vask.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every signing vector of PROTOCOL.md §3.2 and §10.1. */
class SignaturesTest {
  private static final String KEY = "278d425bdf160c739803";
  private static final String SECRET = "7ad3773142a6692b25b8";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1234.1234:private-foobar|58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4",
        "1234.1234:presence-foobar:{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}|31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80",
        "1234.1234:presence-foobar:{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Pusher\"}}|afaed3695da2ffd16931f457e338e6c9f2921fa133ce7dac49f529792be6304c",
        "1234.1234::user::{\"id\":\"12345\"}|4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba"
      })
  void channelAndUserVectors(String toSign, String signature) {
    assertThat(Signatures.hmacSha256Hex(SECRET, toSign)).isEqualTo(signature);
    assertThat(Signatures.checkAuth(KEY + ":" + signature, KEY, SECRET, toSign))
        .isEqualTo(Signatures.AuthCheck.VALID);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "123.456::user::{\"id\":\"45678\"}|f4b1fdeea7c93e32648c7230e32b172057c5623cace6cfce791c6e7035e0babd",
        "123.456:private-encrypted-bla:\"foo\"|962c48b78bf93d98ff4c92ee7dff04865821455b7b401e9d60a9e0a90af2c105",
        "123.456:bla:\"foo\"|013ad3da0d88e0df6ae0a8184bef50b9c3933f2344499e6e3d1ad67fad799e20",
        "123.456:private-encrypted-bla|43d808e37d261f4e02402a739649ba29a6854cb978efdbc92892cd744c567030"
      })
  void httpNodeVectors(String toSign, String signature) {
    assertThat(Signatures.hmacSha256Hex("tofu", toSign)).isEqualTo(signature);
  }

  @Test
  void webhookSignatureVector() {
    String body =
        "{\"time_ms\":1327078148132,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"test-channel\"}]}";
    assertThat(Signatures.hmacSha256Hex(SECRET, body))
        .isEqualTo("5dd6562a9f744b72a688bcdfea41c14c2c56d12c44c99e32c08face4cc1e8aeb");
  }

  @Test
  void authChecksNameWhatIsWrong() {
    String toSign = "1234.1234:private-foobar";
    assertThat(Signatures.checkAuth(null, KEY, SECRET, toSign))
        .isEqualTo(Signatures.AuthCheck.MISSING);
    assertThat(Signatures.checkAuth("", KEY, SECRET, toSign))
        .isEqualTo(Signatures.AuthCheck.MISSING);
    assertThat(Signatures.checkAuth("nocolon", KEY, SECRET, toSign))
        .isEqualTo(Signatures.AuthCheck.MALFORMED);
    assertThat(Signatures.checkAuth("other:abc", KEY, SECRET, toSign))
        .isEqualTo(Signatures.AuthCheck.WRONG_KEY);
    assertThat(Signatures.checkAuth(KEY + ":00", KEY, SECRET, toSign))
        .isEqualTo(Signatures.AuthCheck.BAD_SIGNATURE);
  }

  @Test
  void md5OfBodies() {
    assertThat(
            Signatures.md5Hex(
                "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("ec365a775a4cd0599faeb73354201b6f");
    assertThat(Signatures.md5Hex("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("99914b932bd37a50b983c5e7c90ae93b");
  }
}
