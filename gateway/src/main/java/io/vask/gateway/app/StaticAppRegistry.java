package io.vask.gateway.app;

import io.vask.contract.AppSettings;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A fixed set of apps: the one app of VASK_APP_ID/KEY/SECRET, or apps built by a test. */
public final class StaticAppRegistry implements AppRegistry {
  private final AppSnapshot snapshot;

  public StaticAppRegistry(List<AppSettings> apps) {
    this.snapshot = new AppSnapshot(apps);
  }

  @Override
  public Optional<AppSettings> byKey(String key) {
    return snapshot.byKey(key);
  }

  @Override
  public Optional<AppSettings> byId(String id) {
    return snapshot.byId(id);
  }

  @Override
  public Collection<AppSettings> all() {
    return snapshot.all();
  }
}
