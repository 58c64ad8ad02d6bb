package io.vask.gateway.cluster.nats;

/**
 * The membership bucket's key layout (docs/clustering.md). Names are base64url tokens, so a key
 * splits on {@code .} into its parts and a prefix with a trailing dot selects exactly one channel's
 * or app's keys.
 *
 * <pre>
 * ch.&lt;app&gt;.&lt;channel&gt;          nodes with subscribers of the channel
 * pm.&lt;app&gt;.&lt;channel&gt;.&lt;user&gt;   nodes with connections of a presence member
 * us.&lt;app&gt;.&lt;user&gt;             nodes with signed-in connections of a user
 * sc.&lt;app&gt;.&lt;channel&gt;.&lt;node&gt;   one node's subscription count of the channel
 * cn.&lt;app&gt;.&lt;node&gt;             one node's connection count of the app
 * </pre>
 */
final class Keys {
  static final String CHANNEL = "ch";
  static final String MEMBER = "pm";
  static final String USER = "us";
  static final String COUNT = "sc";
  static final String CONNECTIONS = "cn";

  private Keys() {}

  static String channel(String appId, String channel) {
    return "ch." + appId + "." + Tokens.encode(channel);
  }

  static String members(String appId, String channel) {
    return "pm." + appId + "." + Tokens.encode(channel) + ".";
  }

  static String member(String appId, String channel, String userId) {
    return members(appId, channel) + Tokens.encode(userId);
  }

  static String user(String appId, String userId) {
    return "us." + appId + "." + Tokens.encode(userId);
  }

  static String counts(String appId, String channel) {
    return "sc." + appId + "." + Tokens.encode(channel) + ".";
  }

  static String connections(String appId) {
    return "cn." + appId + ".";
  }

  /** The parts of a key: kind, app, then names (decoded) or a node id (last part of sc/cn). */
  static String[] parts(String key) {
    return key.split("\\.");
  }

  /** A node id usable as a key token and in subjects. */
  static String nodeToken(String nodeId) {
    return nodeId.replaceAll("[^A-Za-z0-9_-]", "-");
  }
}
