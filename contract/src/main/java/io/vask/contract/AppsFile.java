package io.vask.contract;

import java.util.List;

/** The root of the apps file: {@code {"apps": [...]}}. */
public record AppsFile(List<AppSettings> apps) {
  public AppsFile {
    apps = apps == null ? List.of() : List.copyOf(apps);
  }
}
