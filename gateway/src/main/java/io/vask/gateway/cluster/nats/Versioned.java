package io.vask.gateway.cluster.nats;

import io.nats.client.api.KeyValueEntry;

/**
 * A key's value with the bucket revision that wrote it: what a compare-and-set checks against. Its
 * parse as a membership entry is made once, when first asked for (queries and sweeps read every
 * member of a channel; a parse per read made a presence join cost a parse per member).
 */
final class Versioned {
  private final byte[] value;
  private final long revision;
  private volatile MembershipEntry entry;
  private volatile boolean parsed;

  Versioned(byte[] value, long revision) {
    this.value = value;
    this.revision = revision;
  }

  /** The entry's value and revision; null for an absent (or deleted) key. */
  static Versioned of(KeyValueEntry entry) {
    return entry == null ? null : new Versioned(entry.getValue(), entry.getRevision());
  }

  byte[] value() {
    return value;
  }

  long revision() {
    return revision;
  }

  /** The value as a membership entry; null when it is not one (a roster, a count). */
  MembershipEntry entry() {
    if (!parsed) { // two threads may both parse: the same immutable result
      entry = MembershipEntry.parse(value);
      parsed = true;
    }
    return entry;
  }
}
