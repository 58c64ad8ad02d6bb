package io.vask.bench.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one gateway's /metrics: the sum of a metric's samples over all its labels. */
final class GatewayMetrics {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI uri;

  GatewayMetrics(int metricsPort) {
    this.uri = URI.create("http://127.0.0.1:" + metricsPort + "/metrics");
  }

  /** The metrics text, or empty when the gateway does not answer. */
  String scrape() throws InterruptedException {
    try {
      return http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "";
    }
  }

  /** The sum of every sample of {@code name} in {@code text}; -1 when there is none. */
  static double sum(String text, String name) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$")
            .matcher(text);
    double sum = 0;
    boolean found = false;
    while (m.find()) {
      sum += Double.parseDouble(m.group(1));
      found = true;
    }
    return found ? sum : -1;
  }
}
