package io.vask.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The process and its JVM: memory pools, GC pauses, threads, class loading, CPU, descriptors and
 * uptime (Micrometer's binders), plus the two {@code vask_jvm_*} gauges the gateway exported
 * before. Closing stops listening to GC notifications.
 */
final class RuntimeMeters implements AutoCloseable {
  private final JvmGcMetrics gc;

  private RuntimeMeters(JvmGcMetrics gc) {
    this.gc = gc;
  }

  static RuntimeMeters bindTo(MeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Gauge.builder("vask_jvm_heap_used_bytes", () -> memory.getHeapMemoryUsage().getUsed())
        .description("JVM heap in use")
        .register(registry);
    Gauge.builder("vask_jvm_direct_used_bytes", RuntimeMeters::directBufferBytes)
        .description("Direct (off-heap) buffer memory in use")
        .register(registry);
    return new RuntimeMeters(gc);
  }

  private static long directBufferBytes() {
    return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
        .filter(pool -> pool.getName().equals("direct"))
        .mapToLong(BufferPoolMXBean::getMemoryUsed)
        .sum();
  }

  @Override
  public void close() {
    gc.close();
  }
}
