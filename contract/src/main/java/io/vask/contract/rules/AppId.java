package io.vask.contract.rules;

import java.util.regex.Pattern;

/** A Pusher app id as the HTTP API path carries it: 1..64 of {@code [A-Za-z0-9_-]}. */
public final class AppId {
  public static final String PATTERN = "^[A-Za-z0-9_\\-]{1,64}$";

  public static final String EXPECTED = "1..64 chars of [A-Za-z0-9_-]";

  private static final Pattern ID = Pattern.compile(PATTERN);

  private AppId() {}

  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
