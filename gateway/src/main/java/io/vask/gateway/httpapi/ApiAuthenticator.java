package io.vask.gateway.httpapi;

import io.vask.contract.AppSettings;
import io.vask.contract.signing.ApiRequestSignature;
import io.vask.contract.signing.Signatures;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Verifies Pusher's request signature (PROTOCOL.md §9.2): decoded query parameters, lowercase keys
 * sorted by byte order, body MD5, a 600 s timestamp window, and HMAC-SHA256 compared in constant
 * time over the raw or the percent-decoded path.
 */
public final class ApiAuthenticator {
  static final long WINDOW_SECONDS = 600;
  private final Clock clock;

  public ApiAuthenticator(Clock clock) {
    this.clock = clock;
  }

  /** The parsed query of an authentic request, or the error response. */
  public Result check(AppSettings app, ApiRequest request) {
    return verify(app, request.method(), request.rawPath(), request.rawQuery(), request.body());
  }

  /**
   * Checks key, timestamp and signature from the request line alone, before the body is read: the
   * signature covers the {@code body_md5} parameter, so only the body's MD5 is left to check.
   */
  public Result checkQuery(AppSettings app, String method, String rawPath, String rawQuery) {
    return verify(app, method, rawPath, rawQuery, null);
  }

  /** {@code body} null: the body is not read yet and its MD5 is checked later. */
  private Result verify(
      AppSettings app, String method, String rawPath, String rawQuery, byte[] body) {
    SortedMap<String, String> params;
    try {
      params = parseQuery(rawQuery);
    } catch (ApiException e) {
      return Result.fail(e.response());
    }
    String signature = params.remove("auth_signature");
    String key = params.get("auth_key");
    if (key == null || signature == null || !params.containsKey("auth_timestamp")) {
      return Result.fail(ApiResponse.error(ApiError.AUTH_PARAMETERS_MISSING));
    }
    if (!Signatures.constantTimeEquals(app.key(), key)) {
      return Result.fail(ApiResponse.error(ApiError.UNKNOWN_AUTH_KEY));
    }
    if (!"1.0".equals(params.get("auth_version"))) {
      return Result.fail(ApiResponse.error(ApiError.AUTH_VERSION_INVALID));
    }
    Optional<ApiResponse> stale = checkTimestamp(params.get("auth_timestamp"));
    if (stale.isPresent()) {
      return Result.fail(stale.get());
    }
    if (body != null && body.length > 0) {
      String md5 = Signatures.md5Hex(body);
      if (!md5.equals(params.get("body_md5"))) {
        return Result.fail(ApiResponse.error(ApiError.BODY_MD5_INVALID));
      }
    }
    String sortedParams = ApiRequestSignature.joined(params);
    String decodedPath = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    for (String path : new String[] {rawPath, decodedPath}) {
      String toSign = ApiRequestSignature.stringToSign(method, path, params);
      if (Signatures.constantTimeEquals(
          Signatures.hmacSha256Hex(app.secret(), toSign), signature)) {
        return Result.ok(params);
      }
    }
    return Result.fail(
        ApiResponse.error(
            ApiError.SIGNATURE_INVALID, method + "\\n" + rawPath + "\\n" + sortedParams));
  }

  private Optional<ApiResponse> checkTimestamp(String value) {
    long timestamp;
    try {
      timestamp = Long.parseLong(value);
    } catch (NumberFormatException e) {
      return Optional.of(ApiResponse.error(ApiError.TIMESTAMP_INVALID));
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - timestamp) >= WINDOW_SECONDS) {
      return Optional.of(
          ApiResponse.error(
              ApiError.TIMESTAMP_EXPIRED,
              safeInstant(timestamp),
              WINDOW_SECONDS,
              Instant.ofEpochSecond(now)));
    }
    return Optional.empty();
  }

  private static String safeInstant(long seconds) {
    try {
      return Instant.ofEpochSecond(seconds).toString();
    } catch (java.time.DateTimeException e) {
      return Long.toString(seconds);
    }
  }

  /** Decoded, lowercase-keyed, byte-order sorted parameters; duplicates are refused. */
  static SortedMap<String, String> parseQuery(String rawQuery) {
    SortedMap<String, String> params = new TreeMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(java.util.Locale.ROOT);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (params.put(key, value) != null) {
        throw new ApiException(ApiError.DUPLICATE_QUERY_PARAMETER, key);
      }
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiException(ApiError.MALFORMED_QUERY);
    }
  }

  /** Either the verified parameters or the response to send instead. */
  public record Result(Map<String, String> params, ApiResponse error) {
    static Result ok(Map<String, String> params) {
      return new Result(params, null);
    }

    static Result fail(ApiResponse error) {
      return new Result(null, error);
    }
  }
}
