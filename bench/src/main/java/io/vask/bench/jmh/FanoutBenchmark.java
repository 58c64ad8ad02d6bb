package io.vask.bench.jmh;

import io.vask.gateway.channel.Session;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.protocol.ClientMessage;
import io.vask.gateway.protocol.Frames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Local fan-out of one event to every subscriber of a channel through the gateway's {@code Fanout}:
 * frame encoded once, one retained duplicate written per subscriber (Netty EmbeddedChannel), then
 * one flush per socket as the loop pass does. Time per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=disabled")
public class FanoutBenchmark {
  @Param({"10000"})
  public int subscribers;

  /** "embedded": each subscriber is a Netty EmbeddedChannel; "none": the fan-out loop alone. */
  @Param({"embedded", "none"})
  public String sockets;

  private InJvmGateway gateway;
  private final List<BenchTransport> transports = new ArrayList<>();
  private ChannelEvent event;

  @Setup
  public void setUp() {
    gateway = new InJvmGateway();
    ClientMessage.Subscribe subscribe = new ClientMessage.Subscribe("bench-fanout", null, null);
    for (int i = 0; i < subscribers; i++) {
      BenchTransport transport = new BenchTransport("embedded".equals(sockets));
      transports.add(transport);
      gateway.subscriptions.subscribe(
          new Session("1." + i, InJvmGateway.APP, transport), subscribe);
    }
    byte[] frame =
        Frames.event("bench", "bench-fanout", "{\"price\":1.0842,\"seq\":123456}", null)
            .getBytes(StandardCharsets.UTF_8);
    event = new ChannelEvent(InJvmGateway.APP, "bench-fanout", frame, null);
  }

  @TearDown
  public void tearDown() {
    gateway.close();
  }

  @Benchmark
  public int deliverToAll() {
    gateway.fanout.deliverLocally(event);
    for (int i = 0, n = transports.size(); i < n; i++) {
      transports.get(i).flushAndDrain();
    }
    return transports.size();
  }
}
