package io.vask.gateway.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every open connection of this node, for drain. */
final class ConnectionTracker {
  private final Map<Connection, Boolean> open = new ConcurrentHashMap<>();

  void add(Connection connection) {
    open.put(connection, Boolean.TRUE);
  }

  void remove(Connection connection) {
    open.remove(connection);
  }

  int size() {
    return open.size();
  }

  List<Connection> snapshot() {
    return new ArrayList<>(open.keySet());
  }
}
