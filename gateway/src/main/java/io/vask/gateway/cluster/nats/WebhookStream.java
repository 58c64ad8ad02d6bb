package io.vask.gateway.cluster.nats;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.vask.gateway.cluster.ClusterBounds;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The JetStream stream {@code VASK_WEBHOOKS} the webhook outbox stores events in. */
final class WebhookStream {
  private WebhookStream() {}

  /**
   * The webhook stream, one subject per app, with its bounds. A stream made by an older version
   * gets the bounds and the per-app subjects added (its leftover events on the old subject {@code
   * vask.webhooks} stay undelivered: docs/clustering.md).
   */
  static void ensure(JetStreamManagement streams, ClusterBounds bounds)
      throws IOException, JetStreamApiException {
    List<String> subjects = new java.util.ArrayList<>(List.of(NatsWebhookOutbox.SUBJECTS));
    boolean exists;
    try {
      streams.getStreamInfo(NatsWebhookOutbox.STREAM).getConfiguration().getSubjects().stream()
          .filter(subject -> !subjects.contains(subject))
          .forEach(subjects::add);
      exists = true;
    } catch (JetStreamApiException missing) {
      exists = false;
    }
    StreamConfiguration config =
        StreamConfiguration.builder()
            .name(NatsWebhookOutbox.STREAM)
            .subjects(subjects)
            .retentionPolicy(RetentionPolicy.WorkQueue)
            .storageType(StorageType.File)
            .duplicateWindow(Duration.ofMinutes(2))
            .maxBytes(bounds.streamMaxBytes())
            .maxAge(bounds.streamMaxAge())
            .discardPolicy(DiscardPolicy.Old)
            .build();
    if (exists) {
      streams.updateStream(config);
    } else {
      streams.addStream(config);
    }
  }
}
