package io.vask.contract.settings;

import java.util.Objects;

/**
 * One environment variable: its name, how its text is parsed, its default and one line of doc.
 *
 * @param defaultValue the value when unset; null for settings that are off unless set
 * @param defaultText the default as the docs table shows it ("CPU count", "—", "`6001`")
 * @param <T> the parsed value
 */
public record Setting<T>(
    String name, SettingType<T> type, T defaultValue, String defaultText, String doc) {

  public Setting {
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
    Objects.requireNonNull(doc);
    if (defaultText == null) {
      defaultText = defaultValue == null ? "—" : "`" + defaultValue + "`";
    }
  }

  /** A setting whose default is shown as its value, or "—" when it has none. */
  public static <T> Setting<T> of(String name, SettingType<T> type, T defaultValue, String doc) {
    return new Setting<>(name, type, defaultValue, null, doc);
  }

  /** The same setting with its default described in words, e.g. "CPU count". */
  public Setting<T> defaultShownAs(String text) {
    return new Setting<>(name, type, defaultValue, text, doc);
  }
}
