package io.vask.gateway.channel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sessions of one channel on one loop: an array for fast iteration during fan-out, an index map
 * for O(1) swap-removal. Loop-confined, so unsynchronized.
 */
final class SubscriberSet {
  private Session[] items = new Session[4];
  private int size;
  private final Map<Session, Integer> index = new HashMap<>();

  boolean add(Session session) {
    if (index.containsKey(session)) {
      return false;
    }
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    index.put(session, size);
    items[size++] = session;
    return true;
  }

  boolean remove(Session session) {
    Integer at = index.remove(session);
    if (at == null) {
      return false;
    }
    Session last = items[--size];
    items[size] = null;
    if (at < size) {
      items[at] = last;
      index.put(last, at);
    }
    if (size == 0 && items.length > 64) {
      items = new Session[4];
    }
    return true;
  }

  int size() {
    return size;
  }

  void forEach(Consumer<Session> action) {
    Session[] snapshot = items;
    int n = size;
    for (int i = 0; i < n; i++) {
      action.accept(snapshot[i]);
    }
  }

  /** Direct access for the fan-out loop (avoids a lambda per delivery). */
  Session[] array() {
    return items;
  }
}
