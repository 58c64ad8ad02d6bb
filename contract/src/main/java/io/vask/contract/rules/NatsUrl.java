package io.vask.contract.rules;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A NATS server list: one or more comma-separated URLs with a scheme jnats connects with ({@code
 * nats://}, {@code tls://}, {@code ws://}, {@code wss://}).
 */
public final class NatsUrl {
  private static final String ONE = "(nats|tls|ws|wss)://[^\\s,]+";

  /** The whole comma-separated list, for schema annotations. */
  public static final String PATTERN = "^" + ONE + "(\\s*,\\s*" + ONE + ")*$";

  /** What a problem message says was expected. */
  public static final String EXPECTED =
      "nats://, tls://, ws:// or wss://host:port, comma-separated";

  private static final Pattern ONE_URL = Pattern.compile(ONE);
  private static final Pattern LIST = Pattern.compile(PATTERN);

  private NatsUrl() {}

  public static boolean isValid(String urls) {
    return urls != null && LIST.matcher(urls.trim()).matches();
  }

  /** The URLs of the list that are not valid, trimmed, in order. */
  public static List<String> invalidParts(String urls) {
    return Arrays.stream(urls.split(","))
        .map(String::trim)
        .filter(url -> !ONE_URL.matcher(url).matches())
        .toList();
  }
}
