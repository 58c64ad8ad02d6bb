package io.vask.bench.jmh;

import io.vask.gateway.channel.Session;
import io.vask.gateway.protocol.ClientMessage;
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
 * One subscribe and unsubscribe of a public channel through the gateway's {@code Subscriptions}, on
 * a channel that already has {@code others} subscribers (so neither is first or last).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=disabled")
public class SubscribeBenchmark {
  @Param({"1", "10000"})
  public int others;

  private InJvmGateway gateway;
  private Session session;
  private ClientMessage.Subscribe subscribe;

  @Setup
  public void setUp() {
    gateway = new InJvmGateway();
    subscribe = new ClientMessage.Subscribe("bench-channel", null, null);
    for (int i = 0; i < others; i++) {
      gateway.subscriptions.subscribe(
          new Session("1." + i, InJvmGateway.APP, new BenchTransport(false)), subscribe);
    }
    session = new Session("2.1", InJvmGateway.APP, new BenchTransport(false));
  }

  @TearDown
  public void tearDown() {
    gateway.close();
  }

  @Benchmark
  public int subscribeThenUnsubscribe() {
    gateway.subscriptions.subscribe(session, subscribe);
    gateway.subscriptions.unsubscribe(session, "bench-channel");
    return gateway.registry.subscriptionCount();
  }
}
