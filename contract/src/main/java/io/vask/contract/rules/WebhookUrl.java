package io.vask.contract.rules;

import java.net.URI;
import java.util.regex.Pattern;

/** Where a webhook is POSTed: an absolute {@code http://} or {@code https://} URL with a host. */
public final class WebhookUrl {
  /** The schema annotation's approximation; {@link #isValid} also parses the URL. */
  public static final String PATTERN = "^https?://[^\\s/?#]+[^\\s]*$";

  public static final String EXPECTED = "an http:// or https:// URL";

  private static final Pattern SHAPE = Pattern.compile(PATTERN);

  private WebhookUrl() {}

  public static boolean isValid(String url) {
    if (url == null || !SHAPE.matcher(url).matches()) {
      return false;
    }
    try {
      return URI.create(url).getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
