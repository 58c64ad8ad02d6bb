package io.vask.contract.settings;

import io.vask.contract.rules.NatsUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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

  /**
   * One of a fixed list of words, listed in the given order; {@code ignoreCase} accepts {@code
   * DEBUG} for {@code debug}.
   */
  static SettingType<String> oneOf(List<String> allowed, boolean ignoreCase) {
    List<String> words = List.copyOf(allowed);
    return of(
        raw -> {
          String value = ignoreCase ? raw.toLowerCase(Locale.ROOT) : raw;
          if (!words.contains(value)) {
            throw InvalidValue.expected(raw, "one of " + words);
          }
          return value;
        },
        String.join(", ", words.stream().map(v -> "`" + v + "`").toList()));
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

  /** One or more NATS URLs, comma-separated, by the shared {@link NatsUrl} rule. */
  static SettingType<String> natsUrls() {
    return of(
        raw -> {
          var invalid = NatsUrl.invalidParts(raw);
          if (!invalid.isEmpty()) {
            throw new InvalidValue(
                " has \""
                    + String.join("\", \"", invalid)
                    + "\" (expected "
                    + NatsUrl.EXPECTED
                    + ")");
          }
          return raw;
        },
        "`nats://`, `tls://`, `ws://`, `wss://` URLs, comma-separated");
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
