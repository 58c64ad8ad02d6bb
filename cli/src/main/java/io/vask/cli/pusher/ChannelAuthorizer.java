package io.vask.cli.pusher;

import io.vask.contract.signing.Signatures;
import java.util.Optional;

/**
 * Signs subscriptions locally with the app secret, as an app's auth endpoint would: {@code
 * key:HMAC(secret, socket_id:channel[:channel_data])} for private-, private-encrypted- and
 * presence- channels.
 */
public final class ChannelAuthorizer {
  private final String key;
  private final String secret;

  public ChannelAuthorizer(String key, String secret) {
    this.key = key;
    this.secret = secret;
  }

  public static boolean needsAuth(String channel) {
    return channel.startsWith("private-") || isPresence(channel);
  }

  public static boolean isPresence(String channel) {
    return channel.startsWith("presence-");
  }

  /** The {@code auth} value of a subscribe frame; channelData only for presence channels. */
  public String auth(String socketId, String channel, Optional<String> channelData) {
    String toSign = socketId + ":" + channel + channelData.map(data -> ":" + data).orElse("");
    return key + ":" + Signatures.hmacSha256Hex(secret, toSign);
  }
}
