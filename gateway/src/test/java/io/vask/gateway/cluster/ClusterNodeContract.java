package io.vask.gateway.cluster;

import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract of a cluster part starts from: one fresh node of the implementation under
 * test per test, its membership reporting to {@link #listener}, and an app of its own. Runners
 * supply the implementation ({@code Local*ContractTest}, {@code Nats*ContractIT}); a short grace
 * keeps the suites quick.
 */
public abstract class ClusterNodeContract {
  protected static final long GRACE = 600;
  protected Cluster cluster;
  protected final RecordingListener listener = new RecordingListener();
  protected String app;

  /** A fresh node of the implementation under test, with {@code grace} for held leaves. */
  protected abstract Cluster newNode(long grace) throws Exception;

  @BeforeEach
  void startNode() throws Exception {
    app = "app" + UUID.randomUUID().toString().substring(0, 6);
    cluster = newNode(GRACE);
    cluster.scope().serve(java.util.Map.of(app, "key-" + app));
    cluster.membership().start(listener);
  }

  @AfterEach
  void stopNode() {
    cluster.close();
  }

  protected static <T> T join(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }
}
