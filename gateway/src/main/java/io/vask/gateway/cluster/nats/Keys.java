package io.vask.gateway.cluster.nats;

import io.vask.gateway.cluster.Leave;
import java.util.Optional;

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
 * cn.&lt;app&gt;.&lt;node&gt;             a node's open connections of the app (reported, not for admission)
 * cq.&lt;app&gt;.leases               connection slots each node holds of the app's maxConnections
 * pr.&lt;app&gt;.&lt;channel&gt;          a presence channel's roster: members and their nodes
 * </pre>
 */
final class Keys {
  static final String CHANNEL = "ch";
  static final String MEMBER = "pm";
  static final String USER = "us";
  static final String COUNT = "sc";
  static final String CONNECTIONS = "cn";
  static final String QUOTA = "cq";
  static final String ROSTER = "pr";

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
    return CONNECTIONS + "." + appId + ".";
  }

  static String quota(String appId) {
    return QUOTA + "." + appId + ".leases";
  }

  static String roster(String appId, String channel) {
    return ROSTER + "." + appId + "." + Tokens.encode(channel);
  }

  /**
   * What a key names: its kind and app, and the channel, user or node where the kind has one (names
   * decoded; null where it has none).
   */
  record Key(String kind, String appId, String channel, String userId, String node) {

    /** The leave a held entry of this key stands for: channels and members only. */
    Optional<Leave> leave() {
      return switch (kind) {
        case CHANNEL -> Optional.of(new Leave.OfChannel(appId, channel));
        case MEMBER -> Optional.of(new Leave.OfMember(appId, channel, userId));
        default -> Optional.empty();
      };
    }

    /** A per-node count key (sc, cn), written only by its node. */
    boolean count() {
      return COUNT.equals(kind) || CONNECTIONS.equals(kind);
    }
  }

  /** Parses a key of the layout above; empty for a key this version does not know. */
  static Optional<Key> parse(String key) {
    String[] p = key.split("\\.", -1);
    try {
      return switch (p.length < 3 ? "" : p[0]) {
        case CHANNEL -> Optional.of(new Key(CHANNEL, p[1], Tokens.decode(p[2]), null, null));
        case MEMBER ->
            Optional.of(new Key(MEMBER, p[1], Tokens.decode(p[2]), Tokens.decode(p[3]), null));
        case USER -> Optional.of(new Key(USER, p[1], null, Tokens.decode(p[2]), null));
        case COUNT -> Optional.of(new Key(COUNT, p[1], Tokens.decode(p[2]), null, p[3]));
        case CONNECTIONS -> Optional.of(new Key(CONNECTIONS, p[1], null, null, p[2]));
        case ROSTER -> Optional.of(new Key(ROSTER, p[1], Tokens.decode(p[2]), null, null));
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** Every key of one app ({@code <kind>.<app>.…}): a watch filter. */
  static String ofApp(String appId) {
    return "*." + appId + ".>";
  }

  /** The app token of a key of the layout above ("" if it has none). */
  static String appOf(String key) {
    String[] p = key.split("\\.", 3);
    return p.length < 3 ? "" : p[1];
  }

  /** A node id usable as a key token and in subjects. */
  static String nodeToken(String nodeId) {
    return nodeId.replaceAll("[^A-Za-z0-9_-]", "-");
  }
}
