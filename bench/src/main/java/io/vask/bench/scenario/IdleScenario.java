package io.vask.bench.scenario;

import io.vask.bench.client.LoadClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * N idle sockets, each subscribed to one public channel: the server's memory per connection, as
 * heap after GC plus direct buffers (and RSS), measured against the same server before connecting.
 */
final class IdleScenario implements Scenario {
  @Override
  public ResultLine run(Target target, Options options) throws Exception {
    int sockets = options.integer("connections", 15_000);
    long pid = target.pids().get(0);
    ResultLine line = new ResultLine("idle", target).put("connections", sockets);
    ServerMemory before = ServerMemory.of(pid, target.metricsPort());
    Cpu server = Cpu.start(target.pids());
    Cpu self = Cpu.start(List.of(ProcessHandle.current().pid()));
    try (LoadClient client = Clients.to(target, options)) {
      Deliveries listener = new Deliveries();
      int subscribed =
          Sockets.openSubscribed(
              client, listener, sockets, i -> "bench-idle-" + (i % 100), options, line);
      Thread.sleep(options.integer("settle-ms", 2000)); // let handshake garbage become garbage
      ServerMemory after = ServerMemory.of(pid, target.metricsPort());
      int n = Math.max(1, subscribed);
      Map<String, Object> perConnection = new LinkedHashMap<>();
      long heap = after.heapAfterGc() - before.heapAfterGc();
      long direct =
          after.direct() >= 0 && before.direct() >= 0 ? after.direct() - before.direct() : 0;
      perConnection.put("heap_after_gc", heap / n);
      perConnection.put("direct", after.direct() < 0 ? "unknown" : direct / n);
      perConnection.put("heap_plus_direct", (heap + direct) / n);
      perConnection.put("rss", (after.rss() - before.rss()) / n);
      line.put("bytes_per_connection", perConnection)
          .put("server_heap_after_gc_bytes", after.heapAfterGc())
          .put("server_direct_bytes", after.direct())
          .put("server_rss_bytes", after.rss())
          .put("server_closes", client.snapshot().closes())
          .cpu(server, self);
    }
    return line;
  }
}
