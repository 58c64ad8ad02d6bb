package io.vask.gateway.cluster;

import java.util.concurrent.CompletionStage;

/** An app's open connections, cluster-wide, against its {@code maxConnections}. */
public interface ConnectionQuota {

  /** Admits a connection if the app is below {@code max} cluster-wide (0 = unlimited). */
  CompletionStage<Boolean> connectionOpened(String appId, int max);

  /** An admitted connection closed. */
  void connectionClosed(String appId);

  /**
   * The app's open connections cluster-wide as this node knows them, without a round trip: this
   * node's live count plus the other nodes' shares as they last published them.
   */
  long connections(String appId);
}
