package io.vask.contract.signing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The HTTP API request signature (PROTOCOL.md §9.2), one definition for everything that signs or
 * checks a request: the query gains {@code auth_key}, {@code auth_timestamp}, {@code auth_version}
 * and, with a body, {@code body_md5}; {@code auth_signature} is HMAC-SHA256 of "METHOD\nPATH\n" and
 * the parameters sorted by name, joined unencoded.
 */
public final class ApiRequestSignature {
  private ApiRequestSignature() {}

  /** The string the signature covers; {@code params} must not contain {@code auth_signature}. */
  public static String stringToSign(String method, String path, SortedMap<String, String> params) {
    return method + "\n" + path + "\n" + joined(params);
  }

  /** The parameters as the signature covers them: sorted {@code name=value}, unencoded. */
  public static String joined(SortedMap<String, String> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
  }

  /**
   * The signed, URL-encoded query string for {@code method path} with {@code params} and {@code
   * body} (empty for none), as a server SDK sends it at {@code unixSeconds}.
   */
  public static String signedQuery(
      Credentials credentials,
      String method,
      String path,
      Map<String, String> params,
      byte[] body,
      long unixSeconds) {
    var all = new TreeMap<String, String>(params);
    all.put("auth_key", credentials.key());
    all.put("auth_timestamp", Long.toString(unixSeconds));
    all.put("auth_version", "1.0");
    if (body.length > 0) {
      all.put("body_md5", Signatures.md5Hex(body));
    }
    String signature =
        Signatures.hmacSha256Hex(credentials.secret(), stringToSign(method, path, all));
    all.put("auth_signature", signature);
    return all.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The key and secret a request is signed with. */
  public record Credentials(String key, String secret) {}
}
