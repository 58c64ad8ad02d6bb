package io.vask.bench.scenario;

import io.vask.contract.signing.Signatures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A debug console watching the app while a scenario runs: {@code GET /console/api/stream} with a
 * console token minted from the app secret (docs/console.md), its records counted as they arrive.
 */
final class ConsoleWatch implements AutoCloseable {
  final AtomicLong records = new AtomicLong();
  private final InputStream stream;
  private final Thread reader;

  private ConsoleWatch(InputStream stream) {
    this.stream = stream;
    this.reader = new Thread(this::read, "console-watch");
    reader.setDaemon(true);
    reader.start();
  }

  static ConsoleWatch open(Target target) throws IOException, InterruptedException {
    long expires = System.currentTimeMillis() / 1000 + 3600;
    String token =
        target.appId()
            + "."
            + expires
            + "."
            + Signatures.hmacSha256Hex(
                target.appSecret(), "vask-console\n" + target.appId() + "\n" + expires);
    HttpResponse<InputStream> response =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://"
                                + target.host()
                                + ":"
                                + target.port()
                                + "/console/api/stream"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      response.body().close();
      throw new IOException("console stream refused: " + response.statusCode());
    }
    return new ConsoleWatch(response.body());
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("data:")) {
          records.incrementAndGet();
        }
      }
    } catch (IOException closed) {
      // the watch was closed
    }
  }

  @Override
  public void close() throws IOException {
    stream.close();
    reader.interrupt();
  }
}
