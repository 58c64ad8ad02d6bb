package io.vask.contract.rules;

import java.util.regex.Pattern;

/** A Pusher app id as the HTTP API path carries it: 1..64 of {@code [A-Za-z0-9_-]}. */
public final class AppId {
  public static final String PATTERN = "^[A-Za-z0-9_\\-]{1,64}$";

  public static final String EXPECTED = "1..64 chars of [A-Za-z0-9_-]";

  private static final Pattern ID = Pattern.compile(PATTERN);

  private AppId() {}

  /** Digits of a generated id: Pusher ids are numeric; 18 random digits make a clash unheard of. */
  public static final int GENERATED_DIGITS = 18;

  /**
   * A fresh numeric app id of {@value #GENERATED_DIGITS} digits (no leading zero). Apps sharing one
   * NATS must have distinct ids; with ~9·10^17 possible ids, a million apps collide with a
   * probability below one in a million.
   */
  public static String generate(java.util.random.RandomGenerator random) {
    StringBuilder id = new StringBuilder(GENERATED_DIGITS);
    id.append(1 + random.nextInt(9));
    for (int i = 1; i < GENERATED_DIGITS; i++) {
      id.append(random.nextInt(10));
    }
    return id.toString();
  }

  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
