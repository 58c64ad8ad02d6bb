package io.vask.bench.client;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.vask.contract.signing.ApiRequestSignature;
import io.vask.contract.signing.ApiRequestSignature.Credentials;
import io.vask.contract.signing.Signatures;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Signed Pusher HTTP API requests (auth_version 1.0, body_md5, HMAC-SHA256 signature). */
public final class ApiRequests {
  private final String host;
  private final String appId;
  private final String key;
  private final String secret;

  public ApiRequests(String host, String appId, String key, String secret) {
    this.host = host;
    this.appId = appId;
    this.key = key;
    this.secret = secret;
  }

  /** {@code POST /apps/{id}/events} of one event to one channel. */
  public FullHttpRequest trigger(String channel, String event, String data) {
    String body =
        "{\"name\":\"" + event + "\",\"channels\":[\"" + channel + "\"],\"data\":\"" + data + "\"}";
    return post("/apps/" + appId + "/events", body);
  }

  /** The signed query string of a {@code GET path} with no other parameters. */
  public String signedGetQuery(String path) {
    String query =
        "auth_key="
            + key
            + "&auth_timestamp="
            + (System.currentTimeMillis() / 1000)
            + "&auth_version=1.0";
    return query
        + "&auth_signature="
        + Signatures.hmacSha256Hex(secret, "GET\n" + path + "\n" + query);
  }

  public String appId() {
    return appId;
  }

  FullHttpRequest post(String path, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String query =
        ApiRequestSignature.signedQuery(
            new Credentials(key, secret),
            "POST",
            path,
            Map.of(),
            bytes,
            System.currentTimeMillis() / 1000);
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.POST,
            path + "?" + query,
            Unpooled.wrappedBuffer(bytes));
    request.headers().set(HttpHeaderNames.HOST, host);
    request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    return request;
  }

  /** The channel auth of a private channel: {@code key:HMAC(socket_id:channel)}. */
  public String privateAuth(String socketId, String channel) {
    return key + ":" + Signatures.hmacSha256Hex(secret, socketId + ":" + channel);
  }

  /** The channel auth of a presence channel, over {@code socket_id:channel:channel_data}. */
  public String presenceAuth(String socketId, String channel, String channelData) {
    return key
        + ":"
        + Signatures.hmacSha256Hex(secret, socketId + ":" + channel + ":" + channelData);
  }
}
