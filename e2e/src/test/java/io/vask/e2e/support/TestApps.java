package io.vask.e2e.support;

import io.vask.contract.AppSettings;

/** Apps for the tests: every default but the few settings a scenario is about. */
public final class TestApps {
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
}
