package io.vask.operator.main;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exits the process when it stops leading, so that the pod restarts and campaigns again, unless the
 * process is already stopping: then the loss is the operator's own doing, and System.exit from
 * within the shutdown hook would never return.
 */
final class LeaseLossExit implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseLossExit.class);
  private final AtomicBoolean stopping = new AtomicBoolean();

  /** Called first thing in the shutdown hook. */
  void stopping() {
    stopping.set(true);
  }

  @Override
  public void run() {
    if (stopping.get()) {
      return;
    }
    LOG.error("lost the leader-election Lease: exiting so that the pod restarts");
    // Not on the elector's thread: stopping the operator waits for that thread to finish.
    var exit = new Thread(() -> System.exit(1), "vask-operator-lease-lost");
    exit.setDaemon(true);
    exit.start();
  }
}
