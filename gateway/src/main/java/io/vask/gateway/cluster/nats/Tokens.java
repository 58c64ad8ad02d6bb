package io.vask.gateway.cluster.nats;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Names in subjects and KV keys. Channel names and user ids may hold {@code .}, {@code @}, {@code
 * ,}, {@code ;} and more, so they travel as unpadded base64url; app ids are already tokens ({@code
 * [A-Za-z0-9_-]}, checked by the apps-file validator).
 */
final class Tokens {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Tokens() {}

  static String encode(String name) {
    return ENCODER.encodeToString(name.getBytes(StandardCharsets.UTF_8));
  }

  static String decode(String token) {
    return new String(DECODER.decode(token), StandardCharsets.UTF_8);
  }

  /** {@code vask.<app>.ch.<channel>}: one channel's events. */
  static String channelSubject(String appId, String channel) {
    return "vask." + appId + ".ch." + encode(channel);
  }

  /** {@code vask.<app>.ctl}: control messages for every node serving the app. */
  static String controlSubject(String appId) {
    return "vask." + appId + ".ctl";
  }

  /** {@code vask.webhooks.<app>}: the app's webhook events in the work-queue stream. */
  static String webhookSubject(String appId) {
    return "vask.webhooks." + appId;
  }
}
