package io.vask.operator.plan;

import io.vask.contract.AppSettings;
import io.vask.contract.AppsFile;
import io.vask.contract.AppsFileCodec;
import io.vask.contract.WebhookEventType;
import io.vask.contract.WebhookSettings;
import io.vask.operator.model.FeaturesSpec;
import io.vask.operator.model.LimitsSpec;
import io.vask.operator.model.VaskAppSpec;
import io.vask.operator.model.WebhookEvent;
import io.vask.operator.model.WebhookSpec;
import java.util.List;

/**
 * Turns a VaskApp spec and its credentials into the apps file the gateway reads. Unset features and
 * limits stay null so the contract's defaults apply, keeping one source of defaults.
 */
public final class AppsFileRenderer {
  private AppsFileRenderer() {}

  public static String render(VaskAppSpec spec, Credentials credentials) {
    return AppsFileCodec.render(new AppsFile(List.of(settings(spec, credentials))));
  }

  static AppSettings settings(VaskAppSpec spec, Credentials credentials) {
    FeaturesSpec features = spec.features == null ? new FeaturesSpec() : spec.features;
    LimitsSpec limits = spec.limits == null ? new LimitsSpec() : spec.limits;
    List<WebhookSettings> webhooks =
        spec.webhooks == null
            ? List.of()
            : spec.webhooks.stream().map(AppsFileRenderer::webhook).toList();
    return AppSettings.builder(credentials.appId(), credentials.key(), credentials.secret())
        .enabled(true)
        .clientEvents(features.clientEvents)
        .userAuthentication(features.userAuthentication)
        .subscriptionCount(features.subscriptionCount)
        .maxConnections(limits.maxConnections)
        .maxMessageBytes(limits.maxMessageBytes)
        .clientEventsPerSecond(limits.clientEventsPerSecond)
        .maxPresenceMembers(limits.maxPresenceMembers)
        .webhooks(webhooks)
        .build();
  }

  private static WebhookSettings webhook(WebhookSpec hook) {
    List<String> events = hook.events.stream().map(AppsFileRenderer::wireName).toList();
    return new WebhookSettings(hook.url, events, hook.channelPrefix, hook.headers);
  }

  static String wireName(WebhookEvent event) {
    return WebhookEventType.valueOf(event.name()).wireName();
  }
}
