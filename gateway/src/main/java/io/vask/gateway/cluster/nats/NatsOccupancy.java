package io.vask.gateway.cluster.nats;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vask.gateway.cluster.Leave;
import io.vask.gateway.cluster.Occupancy;
import io.vask.gateway.cluster.nats.CasLanes.Change;
import io.vask.gateway.cluster.nats.NatsMembership.Back;
import java.util.concurrent.CompletionStage;

/** Occupancy as {@code ch.} entries holding the nodes with subscribers of the channel. */
final class NatsOccupancy implements Occupancy {
  private final NatsMembership shared;
  private final OutageJournal journal;

  NatsOccupancy(NatsMembership shared, OutageJournal journal) {
    this.shared = shared;
    this.journal = journal;
  }

  @Override
  public CompletionStage<Boolean> channelJoined(String appId, String channel) {
    String key = Keys.channel(appId, channel);
    shared.claims().add(key, null);
    if (!shared.up()) {
      journal.joined(key); // decided and announced once NATS is back
      return completedFuture(false);
    }
    Leave leave = new Leave.OfChannel(appId, channel);
    return shared.onLane(
        key,
        () -> {
          Change change = shared.claim(key, null);
          boolean occupied = change.written() && shared.cameBack(change, leave) == Back.NEW;
          if (!shared.claims().has(key)) {
            // left before this ran (subscribe, unsubscribe at once): it was there, so the
            // channel was occupied and is vacated now, as Pusher reports such a blip
            shared.release(key, leave);
          }
          return occupied;
        });
  }

  @Override
  public void channelLeft(String appId, String channel) {
    String key = Keys.channel(appId, channel);
    shared.claims().remove(key);
    if (shared.up()) {
      shared.onLane(key, () -> shared.release(key, new Leave.OfChannel(appId, channel)));
    }
  }
}
