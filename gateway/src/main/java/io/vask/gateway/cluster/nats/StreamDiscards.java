package io.vask.gateway.cluster.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts this node's webhook events that the stream discarded by its own limits (bytes, age) before
 * any node took them: the server does not report such discards, so they are derived. The stream
 * discards only its oldest messages, and an app's consumer is handed its events in stream order; so
 * an event of ours whose sequence fell below the stream's first sequence while above its consumer's
 * delivered sequence was never handed to anyone. {@link #check} looks every few seconds, off the
 * data path, with one stream and one consumer request per app with events pending. An event
 * discarded in the same interval as its consumer moved past it is not counted (an under-count
 * only); summed over nodes, each lost event is counted once, by its publisher.
 */
final class StreamDiscards {
  private static final Logger LOG = LoggerFactory.getLogger(StreamDiscards.class);

  /** Sequences tracked at most: 8 bytes each; past it new events go uncounted. */
  private final int maxTracked;

  private final JetStreamManagement management;
  private final Link link;
  private final Map<String, Sequences> byApp = new HashMap<>();
  private final AtomicLong discarded = new AtomicLong();
  private int tracked;
  private long untracked;

  StreamDiscards(JetStreamManagement management, Link link, long streamMaxBytes) {
    this.management = management;
    this.link = link;
    // an event takes well over 64 bytes in the stream, so the stream rarely holds more of ours;
    // at least room for what a busy node stores between two checks
    this.maxTracked = (int) Math.max(1 << 16, Math.min(1 << 20, streamMaxBytes / 64));
  }

  /** The stream stored one of our events for {@code appId} under {@code sequence}. */
  synchronized void stored(String appId, long sequence) {
    if (tracked >= maxTracked) {
      if (untracked++ == 0) {
        LOG.warn(
            "over {} webhook events unconfirmed: discards of newer ones go uncounted", tracked);
      }
      return;
    }
    byApp.computeIfAbsent(appId, app -> new Sequences()).add(sequence);
    tracked++;
  }

  /** Compares what we stored with the stream's first sequence and each consumer's progress. */
  void check() {
    List<String> apps;
    synchronized (this) {
      apps = List.copyOf(byApp.keySet());
    }
    if (apps.isEmpty() || !link.up()) {
      return;
    }
    try {
      // the first sequence before the consumers': a consumer only moves on, so an event below
      // this first sequence and above what its consumer reached afterwards was never handed out
      long first =
          management.getStreamInfo(NatsWebhookOutbox.STREAM).getStreamState().getFirstSequence();
      for (String app : apps) {
        long delivered = delivered(app);
        synchronized (this) {
          Sequences sequences = byApp.get(app);
          Sequences.Resolved resolved = sequences.resolve(delivered, first);
          tracked -= resolved.removed();
          discarded.addAndGet(resolved.lost());
          if (sequences.isEmpty()) {
            byApp.remove(app);
          }
        }
      }
    } catch (Exception e) {
      LOG.debug("webhook stream discards not checked: {}", e.toString());
    }
  }

  /** The highest stream sequence the app's consumer handed out; 0 while it does not exist. */
  private long delivered(String appId) throws Exception {
    try {
      return management
          .getConsumerInfo(NatsWebhookOutbox.STREAM, NatsWebhookOutbox.CONSUMER_PREFIX + appId)
          .getDelivered()
          .getStreamSequence();
    } catch (JetStreamApiException missing) {
      if (missing.getErrorCode() == 404) {
        return 0;
      }
      throw missing;
    }
  }

  /** Events of this node the stream discarded before any node took them. */
  long discarded() {
    return discarded.get();
  }

  synchronized int tracked() {
    return tracked;
  }
}
