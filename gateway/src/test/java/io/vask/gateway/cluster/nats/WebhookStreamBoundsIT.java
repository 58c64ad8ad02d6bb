package io.vask.gateway.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.StreamConfiguration;
import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.ClusterBounds;
import io.vask.gateway.testing.NatsServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook stream is bounded on the NATS server: max bytes, max age past the retry span, oldest
 * discarded first; a stream made without bounds (an older version) gets them when a node starts.
 */
class WebhookStreamBoundsIT {
  @RegisterExtension static final NatsServer NATS = new NatsServer();

  @Test
  void theStreamHasBytesAndAgeBoundsEvenWhenItExistedWithout() throws Exception {
    try (Connection raw = Nats.connect(NATS.url())) {
      raw.jetStreamManagement()
          .addStream(
              StreamConfiguration.builder()
                  .name(NatsWebhookOutbox.STREAM)
                  .subjects("vask.webhooks") // the one subject before per-app subjects
                  .retentionPolicy(io.nats.client.api.RetentionPolicy.WorkQueue)
                  .build());

      try (Cluster cluster = ContractNodes.connect(NATS, 100)) {
        StreamConfiguration config =
            raw.jetStreamManagement().getStreamInfo(NatsWebhookOutbox.STREAM).getConfiguration();
        assertThat(config.getMaxBytes()).isEqualTo(ClusterBounds.DEFAULT.streamMaxBytes());
        assertThat(config.getMaxAge()).isGreaterThan(Duration.ofMinutes(5));
        assertThat(config.getDiscardPolicy()).isEqualTo(DiscardPolicy.Old);
        assertThat(config.getSubjects()).contains(NatsWebhookOutbox.SUBJECTS, "vask.webhooks");
      }
    }
  }
}
