package io.vask.gateway.cluster;

import java.util.concurrent.CompletionStage;

/** An app's open connections, cluster-wide, against its {@code maxConnections}. */
public interface ConnectionQuota {

  /** Admits a connection if the app is below {@code max} cluster-wide (0 = unlimited). */
  CompletionStage<Boolean> connectionOpened(String appId, int max);

  /** An admitted connection closed. */
  void connectionClosed(String appId);
}
