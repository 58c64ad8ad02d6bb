package io.vask.gateway.cluster.nats;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encoded webhook events not yet stored in the stream, oldest first, bounded in bytes: past {@code
 * maxBytes} the oldest are evicted (the caller counts them). Each entry is marked while a publish
 * of it is pending, so retries never stack up publishes of one event.
 */
final class Unpublished {
  /** One event's id (the stream's de-duplication key), its app and its encoded body. */
  record Entry(String id, String appId, String subject, byte[] body) {}

  private final long maxBytes;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, Boolean> publishing = new LinkedHashMap<>();
  private long bytes;

  Unpublished(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Keeps the entry; returns how many older entries were evicted to stay within the bound. */
  synchronized int add(Entry entry) {
    if (entries.putIfAbsent(entry.id(), entry) != null) {
      return 0;
    }
    bytes += entry.body().length;
    int evicted = 0;
    Iterator<Entry> oldest = entries.values().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      Entry gone = oldest.next();
      oldest.remove();
      publishing.remove(gone.id());
      bytes -= gone.body().length;
      evicted++;
    }
    return evicted;
  }

  /** True when the entry is still waiting and no publish of it is pending; marks it pending. */
  synchronized boolean startPublishing(Entry entry) {
    return entries.containsKey(entry.id()) && publishing.putIfAbsent(entry.id(), true) == null;
  }

  /** The publish failed: the entry waits for the next round. */
  synchronized void failed(Entry entry) {
    publishing.remove(entry.id());
  }

  /** The stream has it (or it is given up): forgets it; false if it was already gone. */
  synchronized boolean forget(Entry entry) {
    publishing.remove(entry.id());
    Entry removed = entries.remove(entry.id());
    if (removed != null) {
      bytes -= removed.body().length;
    }
    return removed != null;
  }

  /** Entries waiting with no publish pending, oldest first. */
  synchronized List<Entry> waiting() {
    List<Entry> result = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (!publishing.containsKey(entry.id())) {
        result.add(entry);
      }
    }
    return result;
  }

  synchronized int count() {
    return entries.size();
  }

  synchronized long bytes() {
    return bytes;
  }
}
