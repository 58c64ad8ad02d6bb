package io.vask.gateway.limit;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Connections this pod holds, in total and per client address, and new connections per address per
 * second. {@link #open} takes a place (or says why not), {@link #closed} gives it back. Per-address
 * entries are dropped once they hold no connection and their second has passed; at most {@code
 * maxTrackedAddresses} exist at once, so a flood of addresses cannot grow the heap.
 */
public final class ConnectionLimits {
  private static final long SECOND_NANOS = 1_000_000_000L;

  /** The limits; 0 for a per-address limit turns it off. */
  public record Settings(
      int maxConnections, int perAddress, int newPerAddressPerSecond, int maxTrackedAddresses) {}

  private final Settings settings;
  private final LongSupplier nanoTime;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE / 2);
  private final ConcurrentHashMap<String, Entry> addresses = new ConcurrentHashMap<>();

  /** One address: connections held, and the current second's new connections. */
  private static final class Entry {
    int open;
    long windowStart;
    int opened;
  }

  public ConnectionLimits(Settings settings, LongSupplier nanoTime) {
    this.settings = settings;
    this.nanoTime = nanoTime;
  }

  /** Takes a place for a connection from {@code address}; empty when taken, else the reason. */
  public Optional<LimitReason> open(String address) {
    if (open.incrementAndGet() > settings.maxConnections()) {
      open.decrementAndGet();
      return Optional.of(LimitReason.POD_CONNECTIONS);
    }
    Optional<LimitReason> refused = openFrom(address);
    if (refused.isPresent()) {
      open.decrementAndGet();
    }
    return refused;
  }

  private Optional<LimitReason> openFrom(String address) {
    if (settings.perAddress() <= 0 && settings.newPerAddressPerSecond() <= 0) {
      return Optional.empty();
    }
    if (!addresses.containsKey(address) && addresses.size() >= settings.maxTrackedAddresses()) {
      evictIdle();
      if (addresses.size() >= settings.maxTrackedAddresses()) {
        return Optional.of(LimitReason.IP_TABLE_FULL);
      }
    }
    LimitReason[] refused = new LimitReason[1];
    long now = nanoTime.getAsLong();
    addresses.compute(
        address,
        (key, entry) -> {
          Entry e = entry == null ? new Entry() : entry;
          if (entry == null || now - e.windowStart >= SECOND_NANOS) {
            e.windowStart = now;
            e.opened = 0;
          }
          if (settings.perAddress() > 0 && e.open >= settings.perAddress()) {
            refused[0] = LimitReason.IP_CONNECTIONS;
          } else if (settings.newPerAddressPerSecond() > 0
              && e.opened >= settings.newPerAddressPerSecond()) {
            refused[0] = LimitReason.IP_NEW_CONNECTIONS;
          } else {
            e.open++;
            e.opened++;
          }
          return e;
        });
    return Optional.ofNullable(refused[0]);
  }

  /** Gives back the place {@link #open} took for {@code address}. */
  public void closed(String address) {
    open.decrementAndGet();
    if (settings.perAddress() <= 0 && settings.newPerAddressPerSecond() <= 0) {
      return;
    }
    long now = nanoTime.getAsLong();
    addresses.computeIfPresent(
        address,
        (key, e) -> {
          e.open = Math.max(0, e.open - 1);
          return e.open == 0 && now - e.windowStart >= SECOND_NANOS ? null : e;
        });
  }

  /** Drops addresses with no connection whose second has passed; at most one sweep a second. */
  private void evictIdle() {
    long now = nanoTime.getAsLong();
    long last = lastSweep.get();
    if (now - last < SECOND_NANOS || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    addresses.forEach(
        (address, ignored) ->
            addresses.computeIfPresent(
                address,
                (key, e) -> e.open == 0 && now - e.windowStart >= SECOND_NANOS ? null : e));
  }

  /** Connections holding a place now. */
  public int openConnections() {
    return open.get();
  }

  /** Whether the pod is at its connection limit (it then reports not ready). */
  public boolean full() {
    return open.get() >= settings.maxConnections();
  }

  /** Addresses tracked now (bounded by {@code maxTrackedAddresses}). */
  public int trackedAddresses() {
    return addresses.size();
  }

  public Settings settings() {
    return settings;
  }
}
