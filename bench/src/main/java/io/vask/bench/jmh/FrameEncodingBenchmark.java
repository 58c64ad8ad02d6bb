package io.vask.bench.jmh;

import io.vask.gateway.channel.FrameEncoder;
import io.vask.gateway.channel.OutboundFrame;
import io.vask.gateway.metrics.GatewayMetrics;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.server.NettyServer;
import java.nio.charset.StandardCharsets;
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
 * Encoding one event for the wire: the Pusher JSON text ({@link Frames#event}) and the shared
 * WebSocket frame the fan-out writes to every subscriber ({@link NettyServer#frameEncoder}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=disabled")
public class FrameEncodingBenchmark {
  @Param({"64", "1024"})
  public int dataBytes;

  private String data;
  private byte[] text;
  private FrameEncoder encoder;
  private NettyServer server;

  @Setup
  public void setUp() {
    data = "{\"message\":\"" + "x".repeat(Math.max(0, dataBytes - 14)) + "\"}";
    text =
        Frames.event("price-update", "market-eur-usd", data, null).getBytes(StandardCharsets.UTF_8);
    server = new NettyServer(GatewayEnv.settings(), new GatewayMetrics());
    encoder = server.frameEncoder();
  }

  @TearDown
  public void tearDown() {
    server.close();
  }

  @Benchmark
  public String pusherEventText() {
    return Frames.event("price-update", "market-eur-usd", data, null);
  }

  @Benchmark
  public int sharedWebSocketFrame() {
    OutboundFrame frame = encoder.encode(text, 1);
    int length = frame.length();
    frame.release();
    return length;
  }
}
