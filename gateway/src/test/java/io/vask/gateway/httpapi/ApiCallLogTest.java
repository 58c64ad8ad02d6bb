package io.vask.gateway.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The logged query keeps every parameter but the signature. */
class ApiCallLogTest {
  @Test
  void theSignatureIsLeftOutWhereverItStands() {
    assertThat(
            ApiCallLog.withoutSignature(
                "auth_key=k&auth_timestamp=1&auth_version=1.0&body_md5=abc&auth_signature=f00d"))
        .isEqualTo("auth_key=k&auth_timestamp=1&auth_version=1.0&body_md5=abc");
    assertThat(ApiCallLog.withoutSignature("auth_signature=f00d&info=user_count"))
        .isEqualTo("info=user_count");
    assertThat(ApiCallLog.withoutSignature("auth_signature")).isEmpty();
    assertThat(ApiCallLog.withoutSignature("")).isEmpty();
    assertThat(ApiCallLog.withoutSignature(null)).isEmpty();
  }
}
