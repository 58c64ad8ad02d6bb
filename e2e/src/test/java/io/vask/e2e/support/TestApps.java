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
    return AppSettings.of(id, "key-" + id, "secret-" + id).withClientEvents(true);
  }

  /** An app with the given toggles and limits; null keeps the default. */
  public static AppSettings app(
      String id,
      Boolean clientEvents,
      Boolean userAuthentication,
      Integer clientEventsPerSecond,
      Integer activityTimeoutSeconds) {
    return new AppSettings(
        id,
        "key-" + id,
        "secret-" + id,
        null,
        clientEvents,
        userAuthentication,
        null,
        null,
        null,
        null,
        clientEventsPerSecond,
        null,
        null,
        null,
        null,
        activityTimeoutSeconds,
        null,
        null);
  }

  /** An app with client events and subscription counts on, sending to these webhooks. */
  public static AppSettings withWebhooks(String id, List<WebhookSettings> webhooks) {
    return new AppSettings(
        id,
        "key-" + id,
        "secret-" + id,
        null,
        true,
        null,
        true,
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
        webhooks);
  }
}
