package io.vask.contract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RulesTest {

  @Test
  void natsUrlsAcceptEverySchemeJnatsConnectsWith() {
    assertThat(NatsUrl.isValid("nats://n:4222")).isTrue();
    assertThat(NatsUrl.isValid("tls://n:4222")).isTrue();
    assertThat(NatsUrl.isValid("ws://n:8080")).isTrue();
    assertThat(NatsUrl.isValid("wss://n:443")).isTrue();
    assertThat(NatsUrl.isValid("nats://a:4222, nats://b:4222,tls://c:1")).isTrue();
  }

  @Test
  void natsUrlsRefuseOtherSchemesAndEmptyParts() {
    assertThat(NatsUrl.isValid("http://n:4222")).isFalse();
    assertThat(NatsUrl.isValid("nats://a:1,http://b:2")).isFalse();
    assertThat(NatsUrl.isValid("nats://")).isFalse();
    assertThat(NatsUrl.isValid("nats://a b")).isFalse();
    assertThat(NatsUrl.isValid("nats://a,")).isFalse();
    assertThat(NatsUrl.isValid(null)).isFalse();
    assertThat(NatsUrl.invalidParts("nats://a:1, http://x ,ftp://y"))
        .containsExactly("http://x", "ftp://y");
  }

  @Test
  void theSchemaPatternAgreesWithTheCheck() {
    Pattern schema = Pattern.compile(NatsUrl.PATTERN);
    assertThat(schema.matcher("wss://n:443,nats://m:4222").matches()).isTrue();
    assertThat(schema.matcher("http://n").matches()).isFalse();
  }

  @Test
  void webhookUrlsAreAbsoluteHttpWithAHost() {
    assertThat(WebhookUrl.isValid("https://api.example.com/pusher/webhooks?x=1")).isTrue();
    assertThat(WebhookUrl.isValid("http://127.0.0.1:9999/hook")).isTrue();
    assertThat(WebhookUrl.isValid("ftp://example.com/x")).isFalse();
    assertThat(WebhookUrl.isValid("https:///path")).isFalse();
    assertThat(WebhookUrl.isValid("http://a b/")).isFalse();
    assertThat(WebhookUrl.isValid("http://exa_mple..com/")).isFalse();
    assertThat(WebhookUrl.isValid(null)).isFalse();
  }

  @Test
  void appIdsAreShortTokens() {
    assertThat(AppId.isValid("123")).isTrue();
    assertThat(AppId.isValid("app_1-x")).isTrue();
    assertThat(AppId.isValid("a".repeat(64))).isTrue();
    assertThat(AppId.isValid("a".repeat(65))).isFalse();
    assertThat(AppId.isValid("")).isFalse();
    assertThat(AppId.isValid("a.b")).isFalse();
    assertThat(AppId.isValid(null)).isFalse();
  }
}
