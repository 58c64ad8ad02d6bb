package io.vask.gateway.webhook;

import io.vask.contract.AppSettings;
import io.vask.contract.signing.Signatures;
import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One webhook request exactly as Pusher sends it (PROTOCOL.md §10.1): body {@code
 * {"time_ms":…,"events":[…]}}, {@code Content-Type: application/json}, {@code X-Pusher-Key} and
 * {@code X-Pusher-Signature} = HMAC-SHA256 of the body with the app secret. Built once; retries
 * send the identical bytes.
 */
record WebhookRequest(
    String appId,
    String url,
    byte[] body,
    Map<String, String> headers,
    long createdMillis,
    int events) {
  /** Lower-case names of the headers the SDKs check; configured headers never touch them. */
  /** Per request, the objects around the bytes (an estimate on the generous side). */
  static final long OVERHEAD_BYTES = 1024;

  private static final Set<String> PUSHER_HEADERS =
      Set.of("content-type", "x-pusher-key", "x-pusher-signature");

  static WebhookRequest of(
      AppSettings app, String url, Map<String, String> extraHeaders, List<WebhookEvent> events) {
    long timeMs = events.get(0).timeMs();
    StringBuilder body =
        new StringBuilder(128).append("{\"time_ms\":").append(timeMs).append(",\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        body.append(',');
      }
      appendEvent(body, events.get(i).fields());
    }
    body.append("]}");
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    // header names are case-insensitive: a configured "content-type" would be sent as a second
    // Content-Type, and pusher (node) accepts only exactly "application/json"
    extraHeaders.forEach(
        (name, value) -> {
          if (!PUSHER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            headers.put(name, value);
          }
        });
    headers.put("Content-Type", "application/json");
    headers.put("X-Pusher-Key", app.key());
    headers.put("X-Pusher-Signature", Signatures.hmacSha256Hex(app.secret(), bytes));
    return new WebhookRequest(app.id(), url, bytes, headers, timeMs, events.size());
  }

  /**
   * What this request holds on the heap while it waits, roughly: the body, the URL and header
   * strings (two bytes a char, as the JDK may store them), plus {@link #OVERHEAD_BYTES} for the
   * objects around them (the event, the built HTTP request, the delivery and its future).
   */
  long heapBytes() {
    long chars = url.length();
    for (Map.Entry<String, String> header : headers.entrySet()) {
      chars += header.getKey().length() + header.getValue().length();
    }
    return OVERHEAD_BYTES + body.length + 2 * chars;
  }

  private static void appendEvent(StringBuilder out, Map<String, Object> fields) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      Json.quote(out, field.getKey()).append(':');
      Object value = field.getValue();
      if (value instanceof Number number) {
        out.append(number);
      } else {
        Json.quote(out, String.valueOf(value));
      }
    }
    out.append('}');
  }
}
