package io.vask.gateway.app;

import io.vask.contract.AppSettings;
import java.util.Collection;
import java.util.Optional;

/** The apps this gateway serves right now. Callers look apps up per use, so reloads apply. */
public interface AppRegistry extends AutoCloseable {
  Optional<AppSettings> byKey(String key);

  Optional<AppSettings> byId(String id);

  /** By id, or by key when no app has that id (the HTTP API accepts both). */
  default Optional<AppSettings> byIdOrKey(String idOrKey) {
    return byId(idOrKey).or(() -> byKey(idOrKey));
  }

  Collection<AppSettings> all();

  /**
   * Calls {@code listener} after each change of the apps (a reload); a fixed registry never does.
   */
  default void onChange(Runnable listener) {}

  @Override
  default void close() {}
}
