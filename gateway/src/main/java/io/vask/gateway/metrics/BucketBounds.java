package io.vask.gateway.metrics;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites histogram bounds the Prometheus client prints in Java's scientific notation ({@code
 * le="5.0E-4"}) as plain decimals ({@code le="0.0005"}): the same number to Prometheus, but the
 * form people grep dashboards and alerts for.
 */
final class BucketBounds {
  private static final Pattern SCIENTIFIC = Pattern.compile("le=\"(-?[0-9.]+E-?[0-9]+)\"");

  private BucketBounds() {}

  static String plain(String exposition) {
    if (exposition.indexOf("E-") < 0) {
      return exposition;
    }
    Matcher bound = SCIENTIFIC.matcher(exposition);
    return bound.replaceAll(
        match ->
            "le=\"" + new BigDecimal(match.group(1)).stripTrailingZeros().toPlainString() + "\"");
  }
}
