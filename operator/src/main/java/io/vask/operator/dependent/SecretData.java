package io.vask.operator.dependent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Base64 for Secret {@code data}. Secrets are written as {@code data}, never {@code stringData}:
 * only a real API server converts the latter, and the operator reads {@code data} back.
 */
public final class SecretData {
  private SecretData() {}

  public static Map<String, String> encode(Map<String, String> plain) {
    var encoded = new TreeMap<String, String>();
    plain.forEach(
        (k, v) ->
            encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    return encoded;
  }

  /** The decoded value, or empty when the key is missing, blank or not base64. */
  public static Optional<String> decode(Map<String, String> data, String key) {
    if (data == null || data.get(key) == null) {
      return Optional.empty();
    }
    try {
      String value =
          new String(Base64.getDecoder().decode(data.get(key).trim()), StandardCharsets.UTF_8);
      return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
