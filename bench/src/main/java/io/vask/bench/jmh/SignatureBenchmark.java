package io.vask.bench.jmh;

import io.vask.contract.signing.Signatures;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signature checks on the subscribe and publish paths: a private-channel auth (HMAC-SHA256 and a
 * constant-time compare) and the HTTP API's body MD5 plus request signature.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=disabled")
public class SignatureBenchmark {
  private static final String KEY = "bench-key";
  private static final String SECRET = "bench-secret";
  private String toSign;
  private String auth;
  private byte[] body;
  private String apiToSign;

  @Setup
  public void setUp() {
    toSign = "1234.5678:private-orders-42";
    auth = KEY + ":" + Signatures.hmacSha256Hex(SECRET, toSign);
    body =
        "{\"name\":\"bench\",\"channels\":[\"bench-fanout\"],\"data\":\"{\\\"n\\\":1}\"}"
            .getBytes(StandardCharsets.UTF_8);
    apiToSign =
        "POST\n/apps/bench/events\nauth_key=bench-key&auth_timestamp=1700000000&auth_version=1.0&body_md5="
            + Signatures.md5Hex(body);
  }

  @Benchmark
  public Signatures.AuthCheck privateChannelAuth() {
    return Signatures.checkAuth(auth, KEY, SECRET, toSign);
  }

  @Benchmark
  public String apiRequestSignature() {
    Signatures.md5Hex(body);
    return Signatures.hmacSha256Hex(SECRET, apiToSign);
  }
}
