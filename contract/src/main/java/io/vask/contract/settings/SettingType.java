package io.vask.contract.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How a setting's text becomes a value, and what text is accepted (shown in the docs table).
 *
 * @param <T> the parsed value
 */
public interface SettingType<T> {

  /** Parses a trimmed, non-blank value; throws {@link InvalidValue} saying what was expected. */
  T parse(String raw);

  /** The accepted values as the docs table shows them, e.g. {@code 0..65535}. */
  String accepted();

  static SettingType<String> text() {
    return of(raw -> raw, "text");
  }

  static SettingType<Integer> integer(int min, int max) {
    String range = min + ".." + max;
    return of(
        raw -> {
          try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
              return value;
            }
          } catch (NumberFormatException e) {
            // reported below
          }
          throw InvalidValue.expected(raw, range);
        },
        range);
  }

  static SettingType<Integer> port() {
    return integer(0, 65_535);
  }

  /** {@code true} or {@code false}, in any case. */
  static SettingType<Boolean> flag() {
    return of(
        raw ->
            switch (raw.toLowerCase(Locale.ROOT)) {
              case "true" -> true;
              case "false" -> false;
              default -> throw InvalidValue.expected(raw, "true or false");
            },
        "`true`, `false`");
  }

  /** One of a fixed set of words; {@code ignoreCase} accepts {@code DEBUG} for {@code debug}. */
  static SettingType<String> oneOf(Set<String> allowed, boolean ignoreCase) {
    Set<String> sorted = new TreeSet<>(allowed);
    return of(
        raw -> {
          String value = ignoreCase ? raw.toLowerCase(Locale.ROOT) : raw;
          if (!sorted.contains(value)) {
            throw InvalidValue.expected(raw, "one of " + sorted);
          }
          return value;
        },
        String.join(", ", sorted.stream().map(v -> "`" + v + "`").toList()));
  }

  /** A path that must name a readable file. */
  static SettingType<Path> readableFile() {
    return of(
        raw -> {
          Path path = Path.of(raw);
          if (!Files.isReadable(path)) {
            throw new InvalidValue("=" + raw + " is not a readable file");
          }
          return path;
        },
        "readable file");
  }

  static <T> SettingType<T> of(Function<String, T> parser, String accepted) {
    return new SettingType<>() {
      @Override
      public T parse(String raw) {
        return parser.apply(raw);
      }

      @Override
      public String accepted() {
        return accepted;
      }
    };
  }

  /**
   * A value the type refuses. The message completes a sentence that starts with the setting's name,
   * e.g. {@code "=70000 is invalid (expected 0..65535)"}.
   */
  final class InvalidValue extends IllegalArgumentException {
    public InvalidValue(String problemAfterName) {
      super(problemAfterName);
    }

    public static InvalidValue expected(String raw, String expected) {
      return new InvalidValue("=" + raw + " is invalid (expected " + expected + ")");
    }
  }
}
