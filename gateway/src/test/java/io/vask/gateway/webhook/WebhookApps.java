package io.vask.gateway.webhook;

import io.vask.contract.AppSettings;
import io.vask.contract.WebhookEventType;
import io.vask.contract.WebhookSettings;
import io.vask.gateway.cluster.WebhookEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Apps, webhook targets and events for webhook tests, with the credentials of PROTOCOL.md §3.2. */
final class WebhookApps {
  static final String ID = "3";
  static final String KEY = "278d425bdf160c739803";
  static final String SECRET = "7ad3773142a6692b25b8";

  private WebhookApps() {}

  static AppSettings app(boolean batchWebhooks, WebhookSettings... hooks) {
    return AppSettings.builder(ID, KEY, SECRET)
        .clientEvents(true)
        .subscriptionCount(true)
        .batchWebhooks(batchWebhooks)
        .webhooks(List.of(hooks))
        .build();
  }

  static WebhookSettings hook(String url, String channelPrefix, String... events) {
    return new WebhookSettings(url, List.of(events), channelPrefix, Map.of());
  }

  static WebhookSettings hookWithHeaders(
      String url, Map<String, String> headers, String... events) {
    return new WebhookSettings(url, List.of(events), null, headers);
  }

  static WebhookEvent event(String name, String channel, long timeMs) {
    WebhookEventType type = WebhookEventType.fromWireName(name).orElseThrow();
    return new WebhookEvent(UUID.randomUUID().toString(), ID, timeMs, type, channel, Map.of());
  }
}
