package io.vask.e2e.support;

import io.vask.contract.AppSettings;
import io.vask.contract.WebhookSettings;
import java.util.List;

/** Apps for the tests: every default but the few settings a scenario is about. */
public final class TestApps {
  /**
   * The encryption master key of every test app's server (PROTOCOL.md §7 vector): Vask never sees
   * it; pusher-http-java encrypts with it and the auth endpoint derives shared secrets from it.
   */
  public static final String MASTER_KEY = "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=";

  private TestApps() {}

  /** An app with client events on, as most scenarios want. */
  public static AppSettings app(String id) {
    return AppSettings.builder(id, "key-" + id, "secret-" + id).clientEvents(true).build();
  }

  /** An app with the given toggles and limits; null keeps the default. */
  public static AppSettings app(
      String id,
      Boolean clientEvents,
      Boolean userAuthentication,
      Integer clientEventsPerSecond,
      Integer activityTimeoutSeconds) {
    return AppSettings.builder(id, "key-" + id, "secret-" + id)
        .clientEvents(clientEvents)
        .userAuthentication(userAuthentication)
        .clientEventsPerSecond(clientEventsPerSecond)
        .activityTimeoutSeconds(activityTimeoutSeconds)
        .build();
  }

  /** An app with client events and subscription counts on, sending to these webhooks. */
  public static AppSettings withWebhooks(String id, List<WebhookSettings> webhooks) {
    return AppSettings.builder(id, "key-" + id, "secret-" + id)
        .clientEvents(true)
        .subscriptionCount(true)
        .webhooks(webhooks)
        .build();
  }
}
