package io.vask.gateway.limit;

import java.util.List;
import java.util.Locale;

/**
 * An app's allowed {@code Origin}s: exact origins ({@code https://app.example.com}) and patterns
 * whose host starts with {@code *.} ({@code https://*.example.com}, or {@code *.example.com} for
 * any scheme), which match subdomains only. An empty list allows every origin, and so does a
 * missing header (server-side SDKs send none; browsers always do).
 */
public final class AllowedOrigins {
  private AllowedOrigins() {}

  public static boolean allows(List<String> allowed, String origin) {
    if (allowed == null || allowed.isEmpty() || origin == null) {
      return true;
    }
    String actual = origin.trim().toLowerCase(Locale.ROOT);
    for (String entry : allowed) {
      if (matches(entry.trim().toLowerCase(Locale.ROOT), actual)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String pattern, String origin) {
    if (pattern.equals("*") || pattern.equals(origin)) {
      return true;
    }
    int star = pattern.indexOf("*.");
    if (star < 0) {
      return false;
    }
    String scheme = pattern.substring(0, star);
    String suffix = pattern.substring(star + 1); // ".example.com" (with any port it names)
    if (!scheme.isEmpty() && !origin.startsWith(scheme)) {
      return false;
    }
    String host = scheme.isEmpty() ? withoutScheme(origin) : origin.substring(scheme.length());
    return host.endsWith(suffix) && host.length() > suffix.length();
  }

  private static String withoutScheme(String origin) {
    int at = origin.indexOf("://");
    return at < 0 ? origin : origin.substring(at + 3);
  }
}
