package io.vask.gateway.cluster;

import static java.util.concurrent.CompletableFuture.completedFuture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link LeaveGrace} decisions without waiting out a grace: an hour-long grace never ends
 * during a test, so only cancels and flushes decide (the contracts cover the timer).
 */
class LeaveGraceTest {
  private static final long HOUR = 3_600_000;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final RecordingListener listener = new RecordingListener();
  private final Leave room = new Leave.OfChannel("app", "room");
  private final Leave ann = new Leave.OfMember("app", "presence-r", "ann");

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private LeaveGrace grace(LeaveGrace.OnFlush onFlush) {
    return new LeaveGrace(HOUR, timer, onFlush, listener);
  }

  @Test
  void aReturnCancelsTheHeldLeaveAndNothingIsReported() {
    LeaveGrace grace = grace(LeaveGrace.OnFlush.DECIDE_NOW);
    grace.hold(room, () -> completedFuture(true));
    assertThat(grace.holds(room)).isTrue();

    assertThat(grace.cancel(room)).isTrue();
    assertThat(grace.cancel(room)).isFalse();
    assertThat(grace.holds(room)).isFalse();
    assertThat(grace.flush().toCompletableFuture().isDone()).isTrue();
    assertThat(listener.seen).isEmpty();
  }

  @Test
  void aFlushDecidesNowOnlyWhatStillStands() {
    LeaveGrace grace = grace(LeaveGrace.OnFlush.DECIDE_NOW);
    grace.hold(room, () -> completedFuture(true));
    grace.hold(ann, () -> completedFuture(false));

    assertThat(grace.flush().toCompletableFuture().isDone()).isTrue();
    assertThat(listener.seen).containsExactly("vacated app room");
    assertThat(grace.holds(room)).isFalse();
  }

  @Test
  void aFlushThatLetsTheGraceRunWaitsForTheDecision() {
    LeaveGrace grace = grace(LeaveGrace.OnFlush.LET_RUN);
    grace.hold(room, () -> completedFuture(true));
    CompletableFuture<Void> flushed = grace.flush().toCompletableFuture();

    assertThat(flushed.isDone()).isFalse();
    assertThat(listener.seen).isEmpty();
    grace.cancel(room);
    assertThat(flushed.isDone()).isTrue();
  }

  @Test
  void holdingAgainReplacesTheEarlierHold() {
    LeaveGrace grace = grace(LeaveGrace.OnFlush.DECIDE_NOW);
    grace.hold(ann, () -> completedFuture(true));
    grace.hold(ann, () -> completedFuture(true));

    grace.flush().toCompletableFuture().join();
    assertThat(listener.seen).containsExactly("removed app presence-r ann");
  }

  @Test
  void stampsAreJudgedAgainstTheGrace() {
    LeaveGrace grace = grace(LeaveGrace.OnFlush.LET_RUN);
    long now = System.currentTimeMillis();
    assertThat(grace.returnedInTime(now)).isTrue();
    assertThat(grace.returnedInTime(now - 2 * HOUR)).isFalse();
    assertThat(grace.orphaned(now)).isFalse();
    assertThat(grace.orphaned(0)).isFalse();
    assertThat(grace.orphaned(now - 2 * HOUR)).isTrue();
  }

  @Test
  void aLeaveDecidedNowIsReportedIfItStood() {
    LeaveGrace grace = grace(LeaveGrace.OnFlush.LET_RUN);
    assertThat(grace.decideNow(room, () -> completedFuture(false)).toCompletableFuture().join())
        .isFalse();
    assertThat(grace.decideNow(ann, () -> completedFuture(true)).toCompletableFuture().join())
        .isTrue();
    grace.reportOverdue(room);
    assertThat(listener.seen).containsExactly("removed app presence-r ann", "vacated app room");
  }
}
