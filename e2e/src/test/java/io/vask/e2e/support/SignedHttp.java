package io.vask.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP API requests signed as PROTOCOL.md §9.2 describes, each part of the signature open to
 * tampering, for what a server SDK would refuse to send: stale timestamps, wrong secrets, missing
 * or wrong {@code body_md5}, oversize or malformed bodies.
 */
public final class SignedHttp {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String key;
  private final String secret;

  public SignedHttp(String baseUrl, String key, String secret) {
    this.baseUrl = baseUrl;
    this.key = key;
    this.secret = secret;
  }

  /** What to sign and send; fields a test leaves alone are filled in correctly. */
  public record Call(
      String method,
      String path,
      Map<String, String> params,
      byte[] body,
      Long timestamp,
      String signingSecret,
      boolean withBodyMd5,
      String bodyMd5) {

    public static Call post(String path, String body) {
      return new Call(
          "POST", path, Map.of(), body.getBytes(StandardCharsets.UTF_8), null, null, true, null);
    }

    public static Call get(String path, Map<String, String> params) {
      return new Call("GET", path, params, new byte[0], null, null, false, null);
    }

    public Call at(long epochSeconds) {
      return new Call(
          method, path, params, body, epochSeconds, signingSecret, withBodyMd5, bodyMd5);
    }

    public Call signedWith(String otherSecret) {
      return new Call(method, path, params, body, timestamp, otherSecret, withBodyMd5, bodyMd5);
    }

    public Call withoutBodyMd5() {
      return new Call(method, path, params, body, timestamp, signingSecret, false, bodyMd5);
    }

    public Call claimingBodyMd5(String md5) {
      return new Call(method, path, params, body, timestamp, signingSecret, true, md5);
    }
  }

  public HttpResponse<String> send(Call call) {
    TreeMap<String, String> params = new TreeMap<>(call.params());
    params.put("auth_key", key);
    long now = System.currentTimeMillis() / 1000;
    params.put("auth_timestamp", Long.toString(call.timestamp() == null ? now : call.timestamp()));
    params.put("auth_version", "1.0");
    if (call.withBodyMd5()) {
      params.put("body_md5", call.bodyMd5() == null ? md5(call.body()) : call.bodyMd5());
    }
    String toSign =
        call.method()
            + "\n"
            + call.path()
            + "\n"
            + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    params.put(
        "auth_signature",
        hmac(call.signingSecret() == null ? secret : call.signingSecret(), toSign));
    String query =
        params.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + call.path() + "?" + query))
            .header("Content-Type", "application/json");
    if (call.method().equals("GET")) {
      request.GET();
    } else {
      request.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("HTTP call failed: " + call.method() + " " + call.path(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String md5(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lowercase hex HMAC-SHA256, as every Pusher signature is. */
  public static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
