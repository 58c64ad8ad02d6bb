package io.vask.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.gateway.Gateway;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.testing.TestGateways;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a started gateway serves on {@code /metrics}, compared with docs/metrics.md (every family
 * documented, every documented family exported) and with the Grafana dashboard's queries.
 */
class ExportedMetricsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Gateway gateway;
  private static Map<String, String> exported;

  @BeforeAll
  static void startAndScrape() throws Exception {
    gateway =
        TestGateways.start(
            TestGateways.settings(30, 3000), TestGateways.app("1", true, 0, 120, false));
    // one API request, so the request counter has its first series; one GC, so the pause timer
    HTTP.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/apps/1/channels"))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    System.gc();
    exported = ExportedFamilies.of(scrape());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static String scrape() throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.metricsPort() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void docsListEveryExportedFamilyAndExportedEveryAlwaysPresentOne() throws Exception {
    Map<String, String> documented = MetricsDoc.families(Path.of("..", "docs", "metrics.md"));
    assertThat(documented.keySet())
        .as("families exported but missing from docs/metrics.md")
        .containsAll(exported.keySet());
    documented.forEach(
        (family, present) -> {
          if (present.equals("always")) {
            assertThat(exported).as("documented as always exported").containsKey(family);
          }
        });
  }

  @Test
  void everyDashboardQueryReadsAnExportedMetric() throws Exception {
    JsonNode dashboard =
        Json.MAPPER.readTree(
            Path.of("..", "charts", "vask-operator", "dashboards", "vask-gateway.json").toFile());
    Set<String> names = new TreeSet<>();
    int queries = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        names.addAll(PromQlNames.of(target.path("expr").asText()));
        queries++;
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("type").asText().equals("query")) {
        names.addAll(PromQlNames.ofTemplateQuery(variable.path("query").asText()));
      }
    }
    assertThat(queries).isGreaterThan(20);
    assertThat(names).allSatisfy(name -> assertThat(exports(name)).as(name).isTrue());
  }

  /** A family, or a histogram's or summary's {@code _bucket}, {@code _sum}, {@code _count}. */
  private static boolean exports(String name) {
    if (exported.containsKey(name)) {
      return true;
    }
    String family = name.replaceFirst("_(bucket|sum|count)$", "");
    String type = exported.get(family);
    return "histogram".equals(type) || ("summary".equals(type) && !name.endsWith("_bucket"));
  }
}
