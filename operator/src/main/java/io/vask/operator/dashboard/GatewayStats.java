package io.vask.operator.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The app list's live figures, asked of each app's gateway ({@code GET /console/api/stats}) with a
 * short-lived console token the operator signs with the app's secret; the token never leaves the
 * operator. Bounded: {@link #PARALLELISM} requests at a time, {@link #TIMEOUT} each, figures kept
 * for {@link #FRESH}, and a list waits at most {@link #LIST_WAIT} in all; what is missing is shown
 * with its reason and never fails the list.
 */
public final class GatewayStats {
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration FRESH = Duration.ofSeconds(10);
  static final Duration LIST_WAIT = Duration.ofSeconds(3);
  static final int PARALLELISM = 4;
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(1);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GatewayUrls urls;
  private final Function<VaskApp, Credentials> credentials;
  private final Clock clock;
  private final ThreadPoolExecutor pool;
  private final HttpClient http;
  private final Map<String, Fetch> fetches = new ConcurrentHashMap<>();

  private record Fetch(CompletableFuture<AppFigures> figures, Instant started) {}

  /**
   * @param credentials reads an app's credentials (with the operator's rights)
   */
  public GatewayStats(GatewayUrls urls, Function<VaskApp, Credentials> credentials, Clock clock) {
    this.urls = urls;
    this.credentials = credentials;
    this.clock = clock;
    this.pool =
        new ThreadPoolExecutor(
            PARALLELISM,
            PARALLELISM,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "vask-dashboard-stats");
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Each app's summary with its figures, as far as they arrived within {@link #LIST_WAIT}. */
  public List<AppSummary> summaries(List<VaskApp> apps) {
    forgetOld();
    var asked = apps.stream().map(app -> Map.entry(app, figures(app))).toList();
    long deadline = System.nanoTime() + LIST_WAIT.toNanos();
    return asked.stream()
        .map(e -> AppSummary.of(e.getKey()).with(awaitUntil(e.getValue(), deadline)))
        .toList();
  }

  /** The app's figures: the kept ones while fresh (or still being fetched), else a new fetch. */
  private CompletableFuture<AppFigures> figures(VaskApp app) {
    String key = app.getMetadata().getNamespace() + "/" + app.getMetadata().getName();
    Instant now = clock.instant();
    return fetches
        .compute(
            key,
            (k, kept) ->
                kept != null
                        && (!kept.figures().isDone() || kept.started().plus(FRESH).isAfter(now))
                    ? kept
                    : new Fetch(CompletableFuture.supplyAsync(() -> fetch(app), pool), now))
        .figures();
  }

  /** Drops figures of apps no list asked for lately (deleted apps, other namespaces). */
  private void forgetOld() {
    Instant old = clock.instant().minus(FRESH.multipliedBy(6));
    fetches.values().removeIf(f -> f.figures().isDone() && f.started().isBefore(old));
  }

  private static AppFigures awaitUntil(CompletableFuture<AppFigures> figures, long deadline) {
    try {
      return figures.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return AppFigures.unavailable("still asking the gateway: refresh in a moment");
    } catch (ExecutionException e) {
      return AppFigures.unavailable(String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return AppFigures.unavailable("interrupted");
    }
  }

  private AppFigures fetch(VaskApp app) {
    var base = urls.of(app);
    if (base.isEmpty()) {
      return AppFigures.unavailable("no gateway endpoint yet: the app is not reconciled");
    }
    try {
      var response = http.send(request(base.get(), credentials.apply(app)), ofBytes());
      JsonNode json = response.body().length == 0 ? null : JSON.readTree(response.body());
      if (response.statusCode() != 200 || json == null) {
        String error = json == null ? "" : ": " + json.path("error").asText("");
        return AppFigures.unavailable("the gateway answered " + response.statusCode() + error);
      }
      return new AppFigures(
          json.path("connections").asLong(),
          json.path("channels").asLong(),
          json.path("pod").asText(null),
          null);
    } catch (JsonProcessingException e) {
      return AppFigures.unavailable("the gateway's answer is not JSON (not a Vask gateway?)");
    } catch (HttpTimeoutException e) {
      return AppFigures.unavailable(
          "the gateway did not answer within " + TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      return AppFigures.unavailable("the gateway at " + base.get() + " is unreachable: " + e);
    } catch (DashboardRefused e) {
      return AppFigures.unavailable(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return AppFigures.unavailable("interrupted");
    } catch (RuntimeException e) {
      return AppFigures.unavailable("cannot ask the gateway: " + e);
    }
  }

  private HttpRequest request(String base, Credentials app) {
    String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    long expires = clock.instant().plus(TOKEN_LIFETIME).getEpochSecond();
    return HttpRequest.newBuilder(URI.create(root + "/console/api/stats"))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + ConsoleLinks.token(app, expires))
        .GET()
        .build();
  }

  private static HttpResponse.BodyHandler<byte[]> ofBytes() {
    return HttpResponse.BodyHandlers.ofByteArray();
  }
}
