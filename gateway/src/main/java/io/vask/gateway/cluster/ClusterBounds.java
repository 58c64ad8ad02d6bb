package io.vask.gateway.cluster;

import static io.vask.contract.settings.SettingType.integer;

import io.vask.contract.settings.Setting;
import java.time.Duration;
import java.util.List;

/**
 * What a clustered gateway may hold while NATS is unreachable, and what the shared webhook stream
 * may hold on the NATS server: their {@code VASK_*} declarations (docs/security.md, listed in the
 * gateway's catalog) and the values handed to the NATS cluster. Past each bound the oldest (stream,
 * unstored webhooks) or the newest (queues) is dropped and counted.
 *
 * @param publishBufferBytes what the NATS client buffers while reconnecting (channel events)
 * @param membershipQueuePerLane membership compare-and-set writes waiting on each of the 4 lanes
 * @param cacheQueue cache channel reads and writes waiting
 * @param webhookBufferBytes encoded webhook events not yet stored in the stream
 * @param streamMaxBytes the webhook stream's size on the NATS server
 * @param streamMaxAge the webhook stream's age limit
 */
public record ClusterBounds(
    long publishBufferBytes,
    int membershipQueuePerLane,
    int cacheQueue,
    long webhookBufferBytes,
    long streamMaxBytes,
    Duration streamMaxAge) {

  /** Past the retry span an event is given up anyway; the stream keeps it this much longer. */
  public static final Duration STREAM_AGE_MARGIN = Duration.ofMinutes(1);

  public static final Setting<Integer> PUBLISH_BUFFER_BYTES =
      Setting.of(
              "VASK_CLUSTER_PUBLISH_BUFFER_BYTES",
              integer(65_536, 1 << 30),
              8 << 20,
              "while NATS is unreachable: channel events for other gateways the NATS client buffers"
                  + " and sends on reconnect; past it they reach only this gateway's sockets and are"
                  + " counted in `vask_cluster_publishes_dropped`")
          .defaultShownAs("`8388608` (8 MiB)");
  public static final Setting<Integer> MEMBERSHIP_QUEUE =
      Setting.of(
          "VASK_CLUSTER_MEMBERSHIP_QUEUE",
          integer(100, 1_000_000),
          10_000,
          "while NATS is unreachable or slow: membership writes (occupancy, presence) waiting on"
              + " each of 4 lanes; past it a write fails at once, counted in"
              + " `vask_cluster_membership_writes_dropped`, and the janitor repairs it on reconnect");
  public static final Setting<Integer> CACHE_QUEUE =
      Setting.of(
          "VASK_CLUSTER_CACHE_QUEUE",
          integer(100, 1_000_000),
          10_000,
          "while NATS is unreachable or slow: cache channel writes and reads waiting; past it a"
              + " write is dropped (`vask_cluster_cache_writes_dropped`) and a read misses");
  public static final Setting<Integer> WEBHOOK_BUFFER_BYTES =
      Setting.of(
              "VASK_CLUSTER_WEBHOOK_BUFFER_BYTES",
              integer(4096, 1 << 30),
              16 << 20,
              "while NATS is unreachable: encoded webhook events not yet stored in the stream; past it"
                  + " the oldest are dropped and counted in `vask_webhooks_outbox_lost`; at most"
                  + " `VASK_WEBHOOK_STREAM_MAX_BYTES`")
          .defaultShownAs("`16777216` (16 MiB)");
  public static final Setting<Integer> STREAM_MAX_BYTES =
      Setting.of(
              "VASK_WEBHOOK_STREAM_MAX_BYTES",
              integer(4096, Integer.MAX_VALUE),
              256 << 20,
              "the JetStream stream `VASK_WEBHOOKS` on the NATS server (shared by every gateway: give"
                  + " them all the same value); past it the oldest events are discarded, counted in"
                  + " `vask_webhooks_dropped_total{reason=\"stream_limit\"}`")
          .defaultShownAs("`268435456` (256 MiB)");
  public static final Setting<Integer> STREAM_MAX_AGE_SECONDS =
      Setting.of(
              "VASK_WEBHOOK_STREAM_MAX_AGE_SECONDS",
              integer(1, 30 * 24 * 3600),
              600,
              "events older than this leave the stream `VASK_WEBHOOKS` (counted like the byte limit);"
                  + " at least the 5-minute retry span plus 60 s")
          .defaultShownAs("`600` (10 min)");

  /** Every cluster bound setting, in the order docs/configuration.md lists them. */
  public static final List<Setting<?>> ALL =
      List.of(
          PUBLISH_BUFFER_BYTES,
          MEMBERSHIP_QUEUE,
          CACHE_QUEUE,
          WEBHOOK_BUFFER_BYTES,
          STREAM_MAX_BYTES,
          STREAM_MAX_AGE_SECONDS);

  /** Every bound at its default. */
  public static final ClusterBounds DEFAULT =
      new ClusterBounds(
          PUBLISH_BUFFER_BYTES.defaultValue(),
          MEMBERSHIP_QUEUE.defaultValue(),
          CACHE_QUEUE.defaultValue(),
          WEBHOOK_BUFFER_BYTES.defaultValue(),
          STREAM_MAX_BYTES.defaultValue(),
          Duration.ofSeconds(STREAM_MAX_AGE_SECONDS.defaultValue()));
}
