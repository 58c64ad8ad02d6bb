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
    assertThat(app.features().clientEvents()).isFalse();
    assertThat(app.limits().maxMessageBytes()).isEqualTo(65_536);
    assertThat(app.limits().maxEventsPerBatch()).isEqualTo(10);
    assertThat(app.timings().cacheTtlSeconds()).isEqualTo(1800);
    assertThat(app.timings().activityTimeoutSeconds()).isEqualTo(120);
    assertThat(app.webhooks()).isEmpty();
    assertThat(AppsFileValidator.problems(file)).isEmpty();
  }

  @Test
  void renderIsDeterministicAndRoundTrips() {
    var hook =
        new WebhookSettings(
            "http://127.0.0.1:9/hook", List.of("member_added"), null, Map.of("b", "2", "a", "1"));
    var app =
        AppSettings.builder("1", "k", "s")
            .enabled(true)
            .clientEvents(true)
            .userAuthentication(false)
            .subscriptionCount(true)
            .watchlistEvents(true)
            .maxConnections(10)
            .maxMessageBytes(1024)
            .clientEventsPerSecond(10)
            .maxPresenceMembers(100)
            .maxChannelsPerTrigger(100)
            .maxEventsPerBatch(10)
            .cacheTtlSeconds(60)
            .activityTimeoutSeconds(120)
            .batchWebhooks(false)
            .webhooks(List.of(hook))
            .build();
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
        AppSettings.builder("", "k", "")
            .maxConnections(-1)
            .maxMessageBytes(70_000)
            .clientEventsPerSecond(0)
            .maxChannelsPerTrigger(101)
            .webhooks(List.of(hook))
            .build();
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
    var app = AppSettings.builder("1", "k", "s").webhooks(List.of(hook)).build();
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

  @Test
  void theFileStaysFlatWithEveryFieldInNameOrder() {
    String written =
        "{\"apps\":[{\"id\":\"1\",\"key\":\"k\",\"secret\":\"s\",\"clientEvents\":true,"
            + "\"maxConnections\":7,\"cacheTtlSeconds\":60,\"webhooks\":[{\"url\":\"http://h/x\","
            + "\"events\":[\"member_added\"],\"headers\":{\"b\":\"2\",\"a\":\"1\"}}]}]}";
    String rendered =
        AppsFileCodec.render(AppsFileCodec.parse(written.getBytes(StandardCharsets.UTF_8)));
    assertThat(rendered)
        .isEqualTo(
            "{\"apps\":[{\"activityTimeoutSeconds\":120,\"batchWebhooks\":false,"
                + "\"cacheTtlSeconds\":60,\"clientEvents\":true,\"clientEventsPerSecond\":10,"
                + "\"enabled\":true,\"eventMetadata\":false,\"id\":\"1\",\"key\":\"k\","
                + "\"maxChannelsPerTrigger\":100,"
                + "\"maxConnections\":7,\"maxEventsPerBatch\":10,\"maxMessageBytes\":65536,"
                + "\"maxPresenceMembers\":100,\"secret\":\"s\",\"subscriptionCount\":false,"
                + "\"userAuthentication\":false,\"watchlistEvents\":true,\"webhooks\":[{"
                + "\"channelPrefix\":null,\"events\":[\"member_added\"],"
                + "\"headers\":{\"a\":\"1\",\"b\":\"2\"},\"url\":\"http://h/x\"}]}]}");
  }

  @Test
  void aBuilderStartedFromAnAppKeepsWhatItDoesNotChange() {
    AppSettings app =
        AppSettings.builder("1", "k", "s")
            .maxConnections(5)
            .cacheTtlSeconds(9)
            .clientEvents(true)
            .build();
    AppSettings changed = app.toBuilder().clientEvents(false).build();
    assertThat(changed.limits().maxConnections()).isEqualTo(5);
    assertThat(changed.timings().cacheTtlSeconds()).isEqualTo(9);
    assertThat(changed.features().clientEvents()).isFalse();
    assertThat(changed.toBuilder().clientEvents(true).build()).isEqualTo(app);
  }
}
