package io.vask.contract.settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every setting a module reads, in the order the docs list them. Environment names that start with
 * {@code prefix} but are not declared are reported, so a typo never falls back to a default.
 */
public record SettingCatalog(String prefix, List<Setting<?>> settings) {

  public SettingCatalog {
    settings = List.copyOf(settings);
    Set<String> names = new HashSet<>();
    for (Setting<?> setting : settings) {
      if (!names.add(setting.name())) {
        throw new IllegalArgumentException(setting.name() + " is declared twice");
      }
    }
  }

  public static SettingCatalog of(String prefix, Setting<?>... settings) {
    return new SettingCatalog(prefix, List.of(settings));
  }

  /** Parses every declared setting and checks every name; problems are collected, not thrown. */
  public Reading read(Map<String, String> env) {
    Map<Setting<?>, Object> values = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Setting<?> setting : settings) {
      String raw = env.get(setting.name());
      if (raw == null || raw.isBlank()) {
        continue;
      }
      try {
        values.put(setting, setting.type().parse(raw.trim()));
      } catch (SettingType.InvalidValue e) {
        problems.add(setting.name() + e.getMessage());
      }
    }
    Set<String> declared = new HashSet<>();
    settings.forEach(s -> declared.add(s.name()));
    for (String name : new TreeSet<>(env.keySet())) {
      if (name.startsWith(prefix) && !declared.contains(name)) {
        problems.add(name + " is not a known setting (see docs/configuration.md)");
      }
    }
    Set<String> named = new HashSet<>(env.keySet());
    named.retainAll(declared);
    return new Reading(SettingValues.read(values, named), problems);
  }

  /** The Markdown table docs/configuration.md shows for these settings. */
  public String markdownTable() {
    StringBuilder table = new StringBuilder();
    table.append("| variable | default | accepted | meaning |\n");
    table.append("|---|---|---|---|\n");
    for (Setting<?> s : settings) {
      table
          .append("| `")
          .append(s.name())
          .append("` | ")
          .append(s.defaultText())
          .append(" | ")
          .append(s.type().accepted())
          .append(" | ")
          .append(s.doc())
          .append(" |\n");
    }
    return table.toString();
  }

  /**
   * The outcome of reading an environment: the values (invalid ones at their defaults) and every
   * problem, in declaration order, unknown names last.
   */
  public record Reading(SettingValues values, List<String> problems) {
    public Reading {
      problems = new ArrayList<>(problems);
    }

    /** Adds a problem found by a check across settings. */
    public void problem(String text) {
      problems.add(text);
    }

    /** The values, or {@link InvalidSettings} listing every problem. */
    public SettingValues valuesOrThrow() {
      if (!problems.isEmpty()) {
        throw new InvalidSettings(problems);
      }
      return values;
    }
  }
}
