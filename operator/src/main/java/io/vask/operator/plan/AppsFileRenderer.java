package io.vask.operator.plan;

import io.vask.contract.AppSettings;
import io.vask.contract.AppsFile;
import io.vask.contract.AppsFileCodec;
import io.vask.contract.WebhookEventType;
import io.vask.contract.WebhookSettings;
import io.vask.operator.model.FeaturesSpec;
import io.vask.operator.model.LimitsSpec;
import io.vask.operator.model.TimingsSpec;
import io.vask.operator.model.VaskAppSpec;
import io.vask.operator.model.WebhookEvent;
import io.vask.operator.model.WebhookSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a VaskApp spec and its credentials into the apps file the gateway reads. Unset features and
 * limits stay null so the contract's defaults apply, keeping one source of defaults.
 */
public final class AppsFileRenderer {
  private AppsFileRenderer() {}

  public static String render(
      VaskAppSpec spec, Credentials credentials, WebhookHeaderValues headerSecrets) {
    return AppsFileCodec.render(new AppsFile(List.of(settings(spec, credentials, headerSecrets))));
  }

  static AppSettings settings(
      VaskAppSpec spec, Credentials credentials, WebhookHeaderValues headerSecrets) {
    FeaturesSpec features = spec.features == null ? new FeaturesSpec() : spec.features;
    LimitsSpec limits = spec.limits == null ? new LimitsSpec() : spec.limits;
    TimingsSpec timings = spec.timings == null ? new TimingsSpec() : spec.timings;
    List<WebhookSettings> webhooks =
        spec.webhooks == null
            ? List.of()
            : spec.webhooks.stream().map(hook -> webhook(hook, headerSecrets)).toList();
    return AppSettings.builder(credentials.appId(), credentials.key(), credentials.secret())
        .enabled(spec.enabled)
        .clientEvents(features.clientEvents)
        .userAuthentication(features.userAuthentication)
        .subscriptionCount(features.subscriptionCount)
        .watchlistEvents(features.watchlistEvents)
        .batchWebhooks(features.batchWebhooks)
        .maxConnections(limits.maxConnections)
        .maxMessageBytes(limits.maxMessageBytes)
        .clientEventsPerSecond(limits.clientEventsPerSecond)
        .maxPresenceMembers(limits.maxPresenceMembers)
        .maxChannelsPerTrigger(limits.maxChannelsPerTrigger)
        .maxEventsPerBatch(limits.maxEventsPerBatch)
        .apiRequestsPerSecond(limits.apiRequestsPerSecond)
        .allowedOrigins(limits.allowedOrigins)
        .cacheTtlSeconds(timings.cacheTtlSeconds)
        .activityTimeoutSeconds(timings.activityTimeoutSeconds)
        .webhooks(webhooks)
        .build();
  }

  /** Secret-valued headers first, so a plain header of the same name wins as documented. */
  private static WebhookSettings webhook(WebhookSpec hook, WebhookHeaderValues headerSecrets) {
    List<String> events = hook.events.stream().map(AppsFileRenderer::wireName).toList();
    Map<String, String> headers = new LinkedHashMap<>();
    if (hook.headersFrom != null && hook.headersFrom.secretRef != null) {
      headers.putAll(headerSecrets.of(hook.headersFrom.secretRef.name));
    }
    if (hook.headers != null) {
      headers.putAll(hook.headers);
    }
    return new WebhookSettings(hook.url, events, hook.channelPrefix, headers);
  }

  static String wireName(WebhookEvent event) {
    return WebhookEventType.valueOf(event.name()).wireName();
  }
}
