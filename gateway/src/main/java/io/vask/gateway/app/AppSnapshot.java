package io.vask.gateway.app;

import io.vask.contract.AppSettings;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable index of apps by id and by key. */
final class AppSnapshot {
  private final Map<String, AppSettings> byId = new HashMap<>();
  private final Map<String, AppSettings> byKey = new HashMap<>();
  private final List<AppSettings> apps;

  AppSnapshot(List<AppSettings> apps) {
    this.apps = List.copyOf(apps);
    for (AppSettings app : apps) {
      byId.put(app.id(), app);
      byKey.put(app.key(), app);
    }
  }

  Optional<AppSettings> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<AppSettings> byKey(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  Collection<AppSettings> all() {
    return apps;
  }
}
