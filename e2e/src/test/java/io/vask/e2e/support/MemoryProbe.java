package io.vask.e2e.support;

import io.netty.buffer.PooledByteBufAllocator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Memory of the in-process gateway: the JVM heap after a full collection, and the direct memory
 * that Netty's pooled allocator (the gateway's outbound buffers) holds right now.
 */
public final class MemoryProbe {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private MemoryProbe() {}

  public static long heapAfterGc() {
    MEMORY.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  public static long nettyDirect() {
    return PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
  }

  public static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
