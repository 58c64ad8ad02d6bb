package io.vask.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppsFileCodecTest {

  @Test
  void minimalAppGetsEveryDefault() {
    AppsFile file =
        AppsFileCodec.parse(
            "{\"apps\":[{\"id\":\"1\",\"key\":\"k\",\"secret\":\"s\"}]}"
                .getBytes(StandardCharsets.UTF_8));
    AppSettings app = file.apps().get(0);
    assertThat(app.enabled()).isTrue();
    assertThat(app.clientEvents()).isFalse();
    assertThat(app.maxMessageBytes()).isEqualTo(65_536);
    assertThat(app.maxEventsPerBatch()).isEqualTo(10);
    assertThat(app.cacheTtlSeconds()).isEqualTo(1800);
    assertThat(app.activityTimeoutSeconds()).isEqualTo(120);
    assertThat(app.webhooks()).isEmpty();
    assertThat(AppsFileValidator.problems(file)).isEmpty();
  }

  @Test
  void renderIsDeterministicAndRoundTrips() {
    var hook =
        new WebhookSettings(
            "http://127.0.0.1:9/hook", List.of("member_added"), null, Map.of("b", "2", "a", "1"));
    var app =
        new AppSettings(
            "1",
            "k",
            "s",
            true,
            true,
            false,
            true,
            true,
            10,
            1024,
            10,
            100,
            100,
            10,
            60,
            120,
            false,
            List.of(hook));
    String rendered = AppsFileCodec.render(new AppsFile(List.of(app)));
    assertThat(rendered).contains("\"headers\":{\"a\":\"1\",\"b\":\"2\"}");
    assertThat(rendered.indexOf("\"activityTimeoutSeconds\""))
        .isLessThan(rendered.indexOf("\"webhooks\""));
    AppsFile back = AppsFileCodec.parse(rendered.getBytes(StandardCharsets.UTF_8));
    assertThat(back.apps()).containsExactly(app);
    assertThat(AppsFileCodec.render(back)).isEqualTo(rendered);
  }

  @Test
  void validatorListsEveryProblem() {
    var hook = new WebhookSettings("ftp://x", List.of("nope"), null, null);
    var bad =
        new AppSettings(
            "",
            "k",
            "",
            null,
            null,
            null,
            null,
            null,
            -1,
            70_000,
            0,
            null,
            101,
            null,
            null,
            null,
            null,
            List.of(hook));
    var dup = AppSettings.of("2", "k", "s");
    List<String> problems = AppsFileValidator.problems(new AppsFile(List.of(bad, dup)));
    assertThat(problems)
        .anyMatch(p -> p.startsWith("apps[0].id"))
        .anyMatch(p -> p.startsWith("apps[0].secret"))
        .anyMatch(p -> p.startsWith("apps[0].maxConnections"))
        .anyMatch(p -> p.startsWith("apps[0].maxMessageBytes"))
        .anyMatch(p -> p.startsWith("apps[0].clientEventsPerSecond"))
        .anyMatch(p -> p.startsWith("apps[0].maxChannelsPerTrigger"))
        .anyMatch(p -> p.startsWith("apps[0].webhooks[0].url"))
        .anyMatch(p -> p.contains("unknown type \"nope\""))
        .anyMatch(p -> p.startsWith("apps[1].key \"k\" is used by another app"));
  }

  @Test
  void webhookHeadersTheSenderOwnsAreRefused() {
    var headers = new java.util.LinkedHashMap<String, String>();
    headers.put("X-Pusher-Signature", "forged");
    headers.put("content-length", "1");
    headers.put("bad name", "v");
    headers.put("X-Team", "a\r\nHost: evil");
    headers.put("Authorization", "Bearer t");
    var hook =
        new WebhookSettings("http://hooks.example/x", List.of("channel_occupied"), null, headers);
    var app =
        new AppSettings(
            "1",
            "k",
            "s",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(hook));
    List<String> problems = AppsFileValidator.problems(new AppsFile(List.of(app)));
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "apps[0].webhooks[0].headers[\"X-Pusher-Signature\"] is reserved (the webhook sender"
                + " sets it)",
            "apps[0].webhooks[0].headers[\"content-length\"] is reserved (the webhook sender sets"
                + " it)",
            "apps[0].webhooks[0].headers[\"bad name\"] is not a valid header name (expected an"
                + " HTTP token)",
            "apps[0].webhooks[0].headers[\"X-Team\"] has an invalid value (expected one line of"
                + " text)");
  }

  @Test
  void unknownFieldsAndBrokenJsonAreRejected() {
    assertThatThrownBy(
            () ->
                AppsFileCodec.parse(
                    "{\"apps\":[{\"id\":\"1\",\"key\":\"k\",\"secret\":\"s\",\"colour\":1}]}"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AppsFileCodec.InvalidAppsFile.class)
        .hasMessageContaining("colour");
    assertThatThrownBy(() -> AppsFileCodec.parse("{".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(AppsFileCodec.InvalidAppsFile.class);
  }
}
