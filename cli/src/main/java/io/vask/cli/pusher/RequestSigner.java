package io.vask.cli.pusher;

import io.vask.cli.config.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Signs an HTTP API request (docs/authentication.md): the query gains {@code auth_key}, {@code
 * auth_timestamp}, {@code auth_version}, {@code body_md5} for a body, and {@code auth_signature} =
 * HMAC-SHA256(secret, "METHOD\nPATH\nsorted query").
 */
public final class RequestSigner {
  private RequestSigner() {}

  /** The signed query string, URL-encoded, for {@code method path} with {@code params}. */
  public static String signedQuery(
      Endpoint endpoint,
      String method,
      String path,
      Map<String, String> params,
      byte[] body,
      long unixSeconds) {
    var all = new TreeMap<String, String>(params);
    all.put("auth_key", endpoint.key());
    all.put("auth_timestamp", Long.toString(unixSeconds));
    all.put("auth_version", "1.0");
    if (body.length > 0) {
      all.put("body_md5", Hmac.md5Hex(body));
    }
    String toSign =
        method
            + "\n"
            + path
            + "\n"
            + all.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    all.put("auth_signature", Hmac.sha256Hex(endpoint.secret(), toSign));
    return all.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
