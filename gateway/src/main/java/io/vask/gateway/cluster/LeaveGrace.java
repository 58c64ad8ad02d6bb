package io.vask.gateway.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Pusher's webhook de-bounce, the one policy every membership mechanism uses: a channel's or
 * member's last leave is held for the grace (3 s); a return within it cancels the leave and is no
 * transition; a leave that outlives it is reported to the {@link MembershipListener} once.
 *
 * <p>The mechanism keeps its own record of a held leave (a NATS entry stamped with the leave time,
 * so that other nodes see it) and, when the grace ends, confirms that the leave still stands before
 * it is reported. The timing decisions are all here.
 */
public final class LeaveGrace {
  /** How long past the grace a leave must be before another node decides it for a dead one. */
  public static final long ORPHAN_MARGIN_MILLIS = 2000;

  /** What {@link #flush} does with held leaves. */
  public enum OnFlush {
    /** Decide them now: a node alone has nobody its clients could return to. */
    DECIDE_NOW,
    /** Let the grace run: clients may be reconnecting to other nodes. */
    LET_RUN
  }

  private final long graceMillis;
  private final ScheduledExecutorService timer;
  private final OnFlush onFlush;
  private final MembershipListener listener;
  private final Map<Leave, Held> held = new ConcurrentHashMap<>();
  private final Set<Held> deciding = ConcurrentHashMap.newKeySet();

  /** One held leave: its confirmation, its timer and a future settled once it is decided. */
  private static final class Held {
    final Supplier<? extends CompletionStage<Boolean>> stands;
    final CompletableFuture<Void> settled = new CompletableFuture<>();
    volatile ScheduledFuture<?> timer;

    Held(Supplier<? extends CompletionStage<Boolean>> stands) {
      this.stands = stands;
    }

    void stopTimer() {
      ScheduledFuture<?> task = timer;
      if (task != null) {
        task.cancel(false);
      }
    }

    void drop() {
      stopTimer();
      settled.complete(null);
    }
  }

  public LeaveGrace(
      long graceMillis,
      ScheduledExecutorService timer,
      OnFlush onFlush,
      MembershipListener listener) {
    this.graceMillis = graceMillis;
    this.timer = timer;
    this.onFlush = onFlush;
    this.listener = listener;
  }

  /**
   * Holds {@code leave} for the grace, replacing an earlier hold of it. When the grace ends, {@code
   * stands} confirms it (true: nobody came back) and the listener hears it.
   */
  public void hold(Leave leave, Supplier<? extends CompletionStage<Boolean>> stands) {
    Held hold = new Held(stands);
    Held previous = held.put(leave, hold);
    if (previous != null) {
      previous.drop();
    }
    hold.timer = timer.schedule(() -> decide(leave, hold), graceMillis, TimeUnit.MILLISECONDS);
  }

  /** A join: true if this node held the leave (now cancelled), so the pair is swallowed. */
  public boolean cancel(Leave leave) {
    Held hold = held.remove(leave);
    if (hold == null) {
      return false;
    }
    hold.drop();
    return true;
  }

  /** True while this node holds {@code leave}. */
  public boolean holds(Leave leave) {
    return held.containsKey(leave);
  }

  /** A join found a leave stamped {@code leftAt} (by any node): true if it is a return in time. */
  public boolean returnedInTime(long leftAt) {
    return System.currentTimeMillis() - leftAt < graceMillis;
  }

  /** True for a leave stamped {@code leftAt} that its node should long have decided: it died. */
  public boolean orphaned(long leftAt) {
    return leftAt != 0 && leftAt < System.currentTimeMillis() - graceMillis - ORPHAN_MARGIN_MILLIS;
  }

  /** Decides a leave now (a dead node's): reported if {@code stands} confirms it. */
  public CompletionStage<Boolean> decideNow(
      Leave leave, Supplier<? extends CompletionStage<Boolean>> stands) {
    return stands.get().thenApply(stood -> report(leave, stood));
  }

  /** A join found a leave past its grace that nobody decided: it stood, report it first. */
  public void reportOverdue(Leave leave) {
    leave.reportTo(listener);
  }

  /** Completes once every leave this node holds now is decided (see {@link OnFlush}). */
  public CompletionStage<Void> flush() {
    List<CompletableFuture<Void>> waits = new ArrayList<>();
    deciding.forEach(d -> waits.add(d.settled));
    for (Map.Entry<Leave, Held> e : held.entrySet()) {
      waits.add(e.getValue().settled);
      if (onFlush == OnFlush.DECIDE_NOW) {
        decide(e.getKey(), e.getValue());
      }
    }
    return CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0]));
  }

  private void decide(Leave leave, Held hold) {
    if (!held.remove(leave, hold)) {
      return; // cancelled or replaced meanwhile
    }
    hold.stopTimer();
    deciding.add(hold);
    CompletionStage<Boolean> stands;
    try {
      stands = hold.stands.get();
    } catch (RuntimeException e) {
      stands = CompletableFuture.failedFuture(e);
    }
    stands.whenComplete(
        (stood, error) -> {
          try {
            report(leave, Boolean.TRUE.equals(stood));
          } finally {
            deciding.remove(hold);
            hold.settled.complete(null);
          }
        });
  }

  private boolean report(Leave leave, boolean stood) {
    if (stood) {
      leave.reportTo(listener);
    }
    return stood;
  }
}
