package io.vask.cli.apps;

import io.vask.cli.CliException;
import io.vask.cli.config.AppCredentials;
import io.vask.contract.AppSettings;
import io.vask.contract.AppsFile;
import io.vask.contract.AppsFileCodec;
import io.vask.contract.AppsFileValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local apps file edited through the contract's codec and validator, written by an atomic rename
 * so a gateway hot-reloading it never reads half a file. A missing file starts empty.
 */
public final class AppsFileApps implements AppStore {
  private final Path path;
  private final CredentialsGenerator generator = new CredentialsGenerator();

  public AppsFileApps(Path path) {
    this.path = path;
  }

  @Override
  public List<Map<String, Object>> list() {
    return read().apps().stream().map(AppsFileApps::summary).toList();
  }

  @Override
  public Optional<AppCredentials> create(Optional<String> name) {
    AppCredentials credentials = generator.generate(name.orElseGet(generator::appId));
    add(credentials);
    return Optional.of(credentials);
  }

  @Override
  public void importApp(Optional<String> name, AppCredentials credentials) {
    if (name.isPresent() && !name.get().equals(credentials.appId())) {
      throw CliException.usage("in an apps file the app's name is its id: drop NAME or use it");
    }
    add(credentials);
  }

  @Override
  public AppCredentials credentials(String name) {
    return read().apps().stream()
        .filter(app -> app.id().equals(name) || app.key().equals(name))
        .findFirst()
        .map(app -> new AppCredentials(app.id(), app.key(), app.secret()))
        .orElseThrow(() -> CliException.failed("no app with id or key " + name + " in " + path));
  }

  @Override
  public void close() {}

  private void add(AppCredentials credentials) {
    var apps = new ArrayList<>(read().apps());
    apps.add(AppSettings.of(credentials.appId(), credentials.key(), credentials.secret()));
    var file = new AppsFile(apps);
    var problems = AppsFileValidator.problems(file);
    if (!problems.isEmpty()) {
      throw CliException.failed("refused: " + String.join("; ", problems));
    }
    write(file);
  }

  private AppsFile read() {
    if (!Files.exists(path)) {
      return new AppsFile(List.of());
    }
    try {
      return AppsFileCodec.read(path);
    } catch (AppsFileCodec.InvalidAppsFile e) {
      throw CliException.failed(path + " is invalid: " + e.getMessage());
    }
  }

  private void write(AppsFile file) {
    try {
      Path dir = path.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".apps", ".json");
      Files.write(temp, AppsFileCodec.renderBytes(file));
      Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw CliException.failed("cannot write " + path + ": " + e.getMessage());
    }
  }

  private static Map<String, Object> summary(AppSettings app) {
    var json = new LinkedHashMap<String, Object>();
    json.put("app_id", app.id());
    json.put("key", app.key());
    json.put("enabled", app.enabled());
    return json;
  }
}
