package io.vask.gateway.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vask.contract.AppSettings;
import io.vask.gateway.cluster.ChannelCounts;
import io.vask.gateway.cluster.ConnectionQuota;
import io.vask.gateway.httpapi.ApiResponse;
import io.vask.gateway.protocol.Json;
import java.util.concurrent.CompletionStage;

/**
 * An app's live figures for the console API's {@code GET api/stats}: its open connections and
 * occupied channels cluster-wide, and the pod that answered. Both come from state the cluster parts
 * already keep for the connection quota and {@code GET /channels}, so a call costs no cluster
 * traffic; in cluster mode other pods' shares are as they last published them (every 100 ms).
 */
public final class LiveFigures {
  private final ConnectionQuota quota;
  private final ChannelCounts counts;
  private final String pod;

  public LiveFigures(ConnectionQuota quota, ChannelCounts counts, String pod) {
    this.quota = quota;
    this.counts = counts;
    this.pod = pod;
  }

  /** {@code {"connections": n, "channels": n, "pod": "..."}}. */
  public CompletionStage<ApiResponse> of(AppSettings app) {
    return counts
        .channels(app.id(), "")
        .thenApply(
            channels -> {
              ObjectNode out = Json.MAPPER.createObjectNode();
              out.put("connections", quota.connections(app.id()));
              out.put("channels", channels.size());
              out.put("pod", pod);
              return ApiResponse.ok(out);
            });
  }
}
