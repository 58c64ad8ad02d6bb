package io.vask.gateway.httpapi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DEBUG line per answered HTTP API call ({@code VASK_LOG_LEVEL=debug}): method, path and query
 * without {@code auth_signature}, status, app. Bodies (event data) are never logged.
 */
public final class ApiCallLog {
  private static final Logger LOG = LoggerFactory.getLogger(ApiCallLog.class);
  private static final String SIGNATURE = "auth_signature=";

  private ApiCallLog() {}

  public static void answered(
      String method, String path, String rawQuery, String appId, int status) {
    if (LOG.isDebugEnabled()) {
      String query = withoutSignature(rawQuery);
      LOG.debug(
          "api call app={} {} {}{} status={}",
          appId,
          method,
          path,
          query.isEmpty() ? "" : "?" + query,
          status);
    }
  }

  /** The raw query without its {@code auth_signature} parameter(s). */
  static String withoutSignature(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    StringBuilder kept = new StringBuilder(rawQuery.length());
    for (String parameter : rawQuery.split("&")) {
      if (!parameter.startsWith(SIGNATURE) && !parameter.equals("auth_signature")) {
        if (kept.length() > 0) {
          kept.append('&');
        }
        kept.append(parameter);
      }
    }
    return kept.toString();
  }
}
