package io.vask.gateway.cluster.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which fleet owns an app id on this NATS: bucket {@code vask-apps}, key = app id, value = SHA-256
 * of the app key (never the key or the secret), created by compare-and-set. The same key is the
 * same fleet; another key is another fleet, refused. Owners rewrite their entry now and then, so
 * the id of a fleet that is gone frees up after the bucket's age limit.
 */
final class AppOwnership {
  private final KeyValue bucket;

  AppOwnership(KeyValue bucket) {
    this.bucket = bucket;
  }

  /** True if this fleet owns {@code appId} (claimed now, or already with the same key). */
  boolean claim(String appId, String key) throws Exception {
    byte[] mine = hash(key);
    for (int attempt = 0; attempt < 3; attempt++) {
      KeyValueEntry entry = bucket.get(appId);
      if (entry != null && entry.getOperation() == KeyValueOperation.PUT) {
        return MessageDigest.isEqual(entry.getValue(), mine);
      }
      try {
        bucket.create(appId, mine);
        return true;
      } catch (JetStreamApiException raced) {
        // another node created it between the read and the create: read again
      }
    }
    return false;
  }

  /**
   * Keeps the entry alive, or moves it to a rotated key ({@code from} → {@code to}) when it still
   * holds {@code from}: a fleet rotating its key stays the owner. Leaves another fleet's entry.
   */
  void renew(String appId, String from, String to) throws Exception {
    KeyValueEntry entry = bucket.get(appId);
    if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
      claim(appId, to);
      return;
    }
    byte[] held = entry.getValue();
    if (MessageDigest.isEqual(held, hash(from)) || MessageDigest.isEqual(held, hash(to))) {
      try {
        bucket.update(appId, hash(to), entry.getRevision());
      } catch (JetStreamApiException raced) {
        // a fellow node renewed it at the same moment
      }
    }
  }

  static byte[] hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
