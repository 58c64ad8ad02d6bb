package io.vask.contract.rules;

import java.util.regex.Pattern;

/**
 * One entry of an app's {@code allowedOrigins}: an origin ({@code https://app.example.com}, with an
 * optional port), the same with a {@code *.} subdomain wildcard ({@code https://*.example.com}), a
 * host pattern without scheme ({@code *.example.com}), or {@code *}.
 */
public final class AllowedOrigin {
  public static final String PATTERN =
      "^(\\*|([a-zA-Z][a-zA-Z0-9+.\\-]*://)?(\\*\\.)?[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)*(:[0-9]{1,5})?)$";

  public static final String EXPECTED =
      "an origin such as https://app.example.com, https://*.example.com, *.example.com or *";

  private static final Pattern ORIGIN = Pattern.compile(PATTERN);

  private AllowedOrigin() {}

  public static boolean isValid(String origin) {
    return origin != null && ORIGIN.matcher(origin).matches();
  }
}
