package io.vask.contract.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Parsed values by declaration. A declaration without a value reads as its default, so a value set
 * holding only a few overrides is complete.
 */
public final class SettingValues {
  private final Map<Setting<?>, Object> values;
  private final Set<String> named;

  private SettingValues(Map<Setting<?>, Object> values, Set<String> named) {
    this.values = Map.copyOf(values);
    this.named = Set.copyOf(named);
  }

  /** Values set in code (tests, embedding): nothing counts as named by an environment. */
  public static SettingValues of(Map<Setting<?>, Object> values) {
    return new SettingValues(nonNull(values), Set.of());
  }

  static SettingValues read(Map<Setting<?>, Object> values, Set<String> named) {
    return new SettingValues(nonNull(values), named);
  }

  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    return values.containsKey(setting) ? (T) values.get(setting) : setting.defaultValue();
  }

  /** Whether the environment named this setting, even with a blank or invalid value. */
  public boolean named(Setting<?> setting) {
    return named.contains(setting.name());
  }

  /** A copy with one value replaced. */
  public <T> SettingValues with(Setting<T> setting, T value) {
    Map<Setting<?>, Object> copy = new HashMap<>(values);
    copy.put(setting, value);
    return new SettingValues(nonNull(copy), named);
  }

  /** Only values that differ from the default are kept, so equal settings compare equal. */
  private static Map<Setting<?>, Object> nonNull(Map<Setting<?>, Object> values) {
    Map<Setting<?>, Object> copy = new HashMap<>();
    values.forEach(
        (setting, value) -> {
          if (value != null && !value.equals(setting.defaultValue())) {
            copy.put(setting, value);
          }
        });
    return copy;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SettingValues that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    Map<String, Object> byName = new TreeMap<>();
    values.forEach((setting, value) -> byName.put(setting.name(), value));
    return byName.toString();
  }
}
