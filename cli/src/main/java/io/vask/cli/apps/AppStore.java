package io.vask.cli.apps;

import io.vask.cli.config.AppCredentials;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where apps live: VaskApp resources on Kubernetes, or a local apps file. */
public interface AppStore extends AutoCloseable {

  /** One JSON object per app, as {@code vask apps list} prints them. */
  List<Map<String, Object>> list();

  /**
   * Creates an app. The apps file generates its credentials and returns them; Kubernetes leaves
   * that to the operator and returns nothing.
   */
  Optional<AppCredentials> create(Optional<String> name);

  /** Adds an app with existing credentials. */
  void importApp(Optional<String> name, AppCredentials credentials);

  AppCredentials credentials(String name);

  @Override
  void close();
}
