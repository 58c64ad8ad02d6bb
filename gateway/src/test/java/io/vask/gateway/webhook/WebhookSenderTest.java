package io.vask.gateway.webhook;

import static io.vask.gateway.webhook.WebhookApps.KEY;
import static io.vask.gateway.webhook.WebhookApps.SECRET;
import static io.vask.gateway.webhook.WebhookApps.app;
import static io.vask.gateway.webhook.WebhookApps.event;
import static io.vask.gateway.webhook.WebhookApps.hook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Validity;
import io.vask.contract.AppSettings;
import io.vask.contract.WebhookEventType;
import io.vask.gateway.app.StaticAppRegistry;
import io.vask.gateway.cluster.WebhookEvent;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.metrics.GatewayMetrics;
import io.vask.gateway.testing.WebhookReceiver;
import io.vask.gateway.testing.WebhookReceiver.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WebhookSender} against a real local receiver (PROTOCOL.md §10.1, §10.3): one request per
 * event and target, retries with back-off and identical bytes, give-up after the span, timeouts.
 */
class WebhookSenderTest {
  /** Back-off of 20, 40, 80, 100, 100 … ms for one second; requests time out after 500 ms. */
  static final RetryPolicy SHORT =
      new RetryPolicy(
          Duration.ofMillis(20),
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          Duration.ofMillis(500));

  /** Patient enough that nothing is given up or timed out while a test holds the receiver. */
  static final RetryPolicy PATIENT =
      new RetryPolicy(
          Duration.ofMillis(20),
          Duration.ofMillis(100),
          Duration.ofSeconds(60),
          Duration.ofSeconds(60));

  private final WebhookReceiver receiver = WebhookReceiver.start();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final WebhookBacklog backlog = new WebhookBacklog(64L << 20, 64);
  private final WebhookMetrics metrics =
      new WebhookMetrics(new GatewayMetrics(), () -> 0, () -> 0, backlog);
  private RecordingScheduler timer = new RecordingScheduler();

  @AfterEach
  void stop() {
    receiver.close();
    timer.shutdownNow();
  }

  private WebhookSender sender(AppSettings app, RetryPolicy policy) {
    return new WebhookSender(
        new StaticAppRegistry(List.of(app)),
        client,
        timer,
        Clock.systemUTC(),
        new WebhookTiming(policy, 100),
        backlog,
        metrics,
        DebugStream.OFF);
  }

  private static WebhookEvent now(String name, String channel) {
    return event(name, channel, System.currentTimeMillis());
  }

  private static void awaitDone(CompletableFuture<?> delivered) throws Exception {
    delivered.get(20, TimeUnit.SECONDS);
  }

  private static void deliver(WebhookSender sender, WebhookEvent event) throws Exception {
    awaitDone(sender.deliver(event).toCompletableFuture());
  }

  @Test
  void sendsOneSignedRequestPerEventAndMatchingTarget() throws Exception {
    AppSettings app =
        app(
            false,
            hook(receiver.url("/all"), null, "channel_occupied"),
            hook(receiver.url("/presence"), "presence-", "channel_occupied", "channel_vacated"));
    WebhookSender sender = sender(app, SHORT);

    deliver(sender, now("channel_occupied", "presence-room"));
    deliver(sender, now("channel_vacated", "presence-room"));
    deliver(sender, now("channel_occupied", "private-room"));

    List<Request> requests = receiver.requests();
    assertThat(requests)
        .extracting(
            r ->
                r.path()
                    + " "
                    + r.events().get(0).get("name").asText()
                    + " "
                    + r.events().get(0).get("channel").asText())
        .containsExactlyInAnyOrder(
            "/all channel_occupied presence-room",
            "/presence channel_occupied presence-room",
            "/presence channel_vacated presence-room",
            "/all channel_occupied private-room");
    try (Pusher pusher = new Pusher(WebhookApps.ID, KEY, SECRET)) {
      for (Request request : requests) {
        assertThat(request.events()).hasSize(1);
        assertThat(request.headerValues("Content-Type")).containsExactly("application/json");
        assertThat(request.header("X-Pusher-Key")).isEqualTo(KEY);
        assertThat(
                pusher.validateWebhookSignature(
                    request.header("X-Pusher-Key"),
                    request.header("X-Pusher-Signature"),
                    request.bodyText()))
            .isEqualTo(Validity.VALID);
      }
    }
    assertThat(metrics.sentCount()).isEqualTo(4);
    assertThat(metrics.retriedCount()).isZero();
  }

  @Test
  void configuredHeadersArriveButContentTypeStaysExact() throws Exception {
    AppSettings app =
        app(
            false,
            WebhookApps.hookWithHeaders(
                receiver.url("/hook"),
                java.util.Map.of("Authorization", "Bearer t", "content-type", "text/plain"),
                "cache_miss"));

    deliver(sender(app, SHORT), now("cache_miss", "cache-x"));

    Request request = receiver.requests().get(0);
    assertThat(request.headerValues("Authorization")).containsExactly("Bearer t");
    assertThat(request.headerValues("Content-Type")).containsExactly("application/json");
  }

  @Test
  void headerNamesGoOutInTheCaseThePhpSdkLooksUp() throws Exception {
    // pusher-php-server reads $headers['X-Pusher-Key'] and $headers['X-Pusher-Signature'] from
    // getallheaders(), which keeps the case sent: the names must leave exactly like this
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> head = CompletableFuture.supplyAsync(() -> answerOnce(server));
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/raw";

      deliver(sender(app(false, hook(url, null, "cache_miss")), SHORT), now("cache_miss", "c"));

      assertThat(head.get(10, TimeUnit.SECONDS))
          .contains("\r\nContent-Type: application/json\r\n")
          .contains("\r\nX-Pusher-Key: " + KEY + "\r\n")
          .containsPattern("\r\nX-Pusher-Signature: [0-9a-f]{64}\r\n");
    }
  }

  /** Reads one request head (and its body), answers 200 and returns the head as sent. */
  private static String answerOnce(ServerSocket server) {
    try (Socket socket = server.accept()) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("closed in the request head");
        }
        head.append((char) b);
      }
      Matcher length = Pattern.compile("(?i)\r\ncontent-length: (\\d+)").matcher(head);
      in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
      socket
          .getOutputStream()
          .write(
              "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      return head.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void retriesWithDoublingDelaysAndIdenticalBytesUntilAccepted() throws Exception {
    receiver.failNext(3);
    WebhookSender sender =
        sender(app(false, hook(receiver.url("/hook"), null, "cache_miss")), SHORT);

    deliver(sender, now("cache_miss", "cache-x"));

    List<Request> requests = receiver.requests();
    assertThat(requests).hasSize(4);
    for (Request retry : requests.subList(1, 4)) {
      assertThat(retry.body()).isEqualTo(requests.get(0).body());
      assertThat(retry.header("X-Pusher-Signature"))
          .isEqualTo(requests.get(0).header("X-Pusher-Signature"));
    }
    assertThat(timer.delays()).containsExactly(20L, 40L, 80L);
    assertThat(metrics.failedCount()).isEqualTo(3);
    assertThat(metrics.retriedCount()).isEqualTo(3);
    assertThat(metrics.sentCount()).isEqualTo(1);
    assertThat(metrics.droppedCount()).isZero();
  }

  @Test
  void givesUpAfterTheRetrySpanAndCountsTheDrop() throws Exception {
    receiver.failNext(Integer.MAX_VALUE);
    WebhookSender sender =
        sender(app(false, hook(receiver.url("/hook"), null, "cache_miss")), SHORT);

    deliver(sender, now("cache_miss", "cache-x"));

    List<Long> delays = timer.delays();
    assertThat(delays).startsWith(20L, 40L, 80L, 100L).allMatch(d -> d <= 100);
    assertThat(delays.stream().mapToLong(Long::longValue).sum()).isLessThanOrEqualTo(1000);
    assertThat(receiver.requests()).hasSize(delays.size() + 1);
    assertThat(metrics.failedCount()).isEqualTo(delays.size() + 1);
    assertThat(metrics.droppedCount()).isEqualTo(1);
    assertThat(metrics.sentCount()).isZero();
  }

  @Test
  void aTimedOutRequestIsAFailureAndIsRetried() throws Exception {
    RetryPolicy quickTimeout =
        new RetryPolicy(
            Duration.ofMillis(20),
            Duration.ofMillis(100),
            Duration.ofSeconds(30),
            Duration.ofMillis(200));
    receiver.stallNext(1);
    WebhookSender sender =
        sender(app(false, hook(receiver.url("/hook"), null, "cache_miss")), quickTimeout);

    deliver(sender, now("cache_miss", "cache-x"));

    assertThat(receiver.requests()).hasSize(2);
    assertThat(metrics.failedCount()).isEqualTo(1);
    assertThat(metrics.retriedCount()).isEqualTo(1);
    assertThat(metrics.sentCount()).isEqualTo(1);
  }

  @Test
  void batchesEventsPerTargetWhenTheAppAsks() throws Exception {
    timer = RecordingScheduler.holding();
    WebhookSender sender =
        sender(
            app(true, hook(receiver.url("/hook"), null, "channel_occupied", "channel_vacated")),
            SHORT);
    List<CompletableFuture<Void>> delivered = new ArrayList<>();

    delivered.add(sender.deliver(now("channel_occupied", "a")).toCompletableFuture());
    delivered.add(sender.deliver(now("channel_vacated", "b")).toCompletableFuture());
    delivered.add(sender.deliver(now("channel_occupied", "c")).toCompletableFuture());
    assertThat(delivered).noneMatch(CompletableFuture::isDone);
    timer.runHeld();

    for (CompletableFuture<Void> done : delivered) {
      awaitDone(done);
    }
    assertThat(receiver.requests()).hasSize(1);
    assertThat(receiver.requests().get(0).events())
        .extracting(e -> e.get("channel").asText())
        .containsExactly("a", "b", "c");
    assertThat(timer.delays()).containsExactly(100L);
  }

  @Test
  void aFullBatchIsSentWithoutWaitingForTheWindow() throws Exception {
    timer = RecordingScheduler.holding();
    WebhookSender sender =
        sender(app(true, hook(receiver.url("/hook"), null, "cache_miss")), SHORT);
    List<CompletableFuture<Void>> delivered = new ArrayList<>();

    for (int i = 0; i <= WebhookBatcher.MAX_EVENTS; i++) {
      delivered.add(sender.deliver(now("cache_miss", "cache-" + i)).toCompletableFuture());
    }
    for (CompletableFuture<Void> done : delivered.subList(0, WebhookBatcher.MAX_EVENTS)) {
      awaitDone(done);
    }
    assertThat(receiver.requests()).hasSize(1);
    assertThat(receiver.requests().get(0).events()).hasSize(WebhookBatcher.MAX_EVENTS);

    timer.runHeld();
    awaitDone(delivered.get(WebhookBatcher.MAX_EVENTS));
    assertThat(receiver.requests()).hasSize(2);
    assertThat(receiver.requests().get(1).events())
        .extracting(e -> e.get("channel").asText())
        .containsExactly("cache-" + WebhookBatcher.MAX_EVENTS);
  }

  @Test
  void twoWebhooksWithTheSameUrlBatchSeparately() throws Exception {
    timer = RecordingScheduler.holding();
    AppSettings app =
        app(
            true,
            WebhookApps.hookWithHeaders(
                receiver.url("/same"), java.util.Map.of("X-Target", "one"), "channel_occupied"),
            WebhookApps.hookWithHeaders(
                receiver.url("/same"),
                java.util.Map.of("X-Target", "two"),
                "channel_occupied",
                "cache_miss"));
    WebhookSender sender = sender(app, SHORT);
    CompletableFuture<Void> occupied =
        sender.deliver(now("channel_occupied", "room")).toCompletableFuture();
    CompletableFuture<Void> missed =
        sender.deliver(now("cache_miss", "cache-room")).toCompletableFuture();

    timer.runHeld();

    awaitDone(occupied);
    awaitDone(missed);
    assertThat(receiver.requests())
        .extracting(
            r ->
                r.header("X-Target")
                    + " "
                    + r.events().stream().map(e -> e.get("name").asText()).toList())
        .containsExactlyInAnyOrder("one [channel_occupied]", "two [channel_occupied, cache_miss]");
  }

  @Test
  void withoutBatchingEachEventIsItsOwnRequest() throws Exception {
    WebhookSender sender =
        sender(app(false, hook(receiver.url("/hook"), null, "cache_miss")), SHORT);

    for (String channel : List.of("cache-a", "cache-b", "cache-c")) {
      deliver(sender, now("cache_miss", channel));
    }

    assertThat(receiver.requests()).hasSize(3).allMatch(r -> r.events().size() == 1);
  }

  @Test
  void aTargetTheHttpClientRefusesIsDroppedWithoutHurtingTheOthers() throws Exception {
    AppSettings app =
        app(
            false,
            WebhookApps.hookWithHeaders(
                receiver.url("/refused"), java.util.Map.of("Host", "example.org"), "cache_miss"),
            hook(receiver.url("/good"), null, "cache_miss"));

    deliver(sender(app, SHORT), now("cache_miss", "cache-x"));

    assertThat(receiver.requests()).extracting(Request::path).containsExactly("/good");
    assertThat(metrics.droppedCount()).isEqualTo(1);
    assertThat(metrics.sentCount()).isEqualTo(1);
  }

  @Test
  void aRefusedBatchIsStillDoneWith() throws Exception {
    timer = RecordingScheduler.holding();
    AppSettings app =
        app(
            true,
            WebhookApps.hookWithHeaders(
                receiver.url("/refused"), java.util.Map.of("Connection", "close"), "cache_miss"),
            hook(receiver.url("/good"), null, "cache_miss"));
    CompletableFuture<Void> delivered =
        sender(app, SHORT).deliver(now("cache_miss", "cache-x")).toCompletableFuture();

    timer.runHeld();

    awaitDone(delivered);
    assertThat(receiver.requests()).extracting(Request::path).containsExactly("/good");
    assertThat(metrics.droppedCount()).isEqualTo(1);
  }

  @Test
  void eventsOfAnUnknownAppAreDoneWithAtOnce() {
    WebhookSender sender =
        sender(app(false, hook(receiver.url("/hook"), null, "cache_miss")), SHORT);
    WebhookEvent stranger =
        new WebhookEvent(
            "x",
            "no-such-app",
            System.currentTimeMillis(),
            WebhookEventType.CACHE_MISS,
            "c",
            java.util.Map.of());

    assertThat(sender.deliver(stranger).toCompletableFuture()).isCompleted();
    assertThat(receiver.requests()).isEmpty();
  }

  @Test
  void atMostMaxInFlightRequestsReachAStalledReceiverAndTheRestFollow() throws Exception {
    receiver.stall();
    WebhookBacklog narrow = new WebhookBacklog(64L << 20, 3);
    WebhookSender sender =
        new WebhookSender(
            new StaticAppRegistry(
                List.of(app(false, hook(receiver.url("/h"), null, "cache_miss")))),
            client,
            timer,
            Clock.systemUTC(),
            new WebhookTiming(PATIENT, 100),
            narrow,
            metrics,
            DebugStream.OFF);
    List<CompletableFuture<Void>> delivered = new ArrayList<>();

    for (int i = 0; i < 10; i++) {
      delivered.add(sender.deliver(now("cache_miss", "cache-" + i)).toCompletableFuture());
    }

    receiver.awaitRequests(3);
    await().during(Duration.ofMillis(500)).until(() -> receiver.requests().size() == 3);
    assertThat(narrow.requests()).isEqualTo(10);
    receiver.release();
    for (CompletableFuture<Void> done : delivered) {
      awaitDone(done);
    }
    assertThat(receiver.accepted()).hasSize(10);
    assertThat(narrow.requests()).isZero();
    assertThat(narrow.bytes()).isZero();
  }

  @Test
  void aFullBacklogDropsTheOldestWaitingRequestsAndCountsThem() throws Exception {
    receiver.stall();
    AppSettings app = app(false, hook(receiver.url("/h"), null, "cache_miss"));
    long size =
        WebhookRequest.of(app, receiver.url("/h"), Map.of(), List.of(now("cache_miss", "cache-0")))
            .heapBytes();
    WebhookBacklog small = new WebhookBacklog(3 * size, 1);
    WebhookSender sender =
        new WebhookSender(
            new StaticAppRegistry(List.of(app)),
            client,
            timer,
            Clock.systemUTC(),
            new WebhookTiming(PATIENT, 100),
            small,
            metrics,
            DebugStream.OFF);
    List<CompletableFuture<Void>> delivered = new ArrayList<>();

    for (int i = 0; i < 10; i++) {
      delivered.add(sender.deliver(now("cache_miss", "cache-" + i)).toCompletableFuture());
    }

    // the first is in flight (never evicted); of the nine after it, the two newest still wait
    assertThat(delivered.subList(1, 8)).allMatch(CompletableFuture::isDone);
    assertThat(delivered.get(0)).isNotDone();
    assertThat(delivered.subList(8, 10)).noneMatch(CompletableFuture::isDone);
    assertThat(metrics.droppedCount(WebhookMetrics.BACKLOG_FULL)).isEqualTo(7);
    assertThat(small.bytes()).isEqualTo(3 * size);
    assertThat(metrics.requestCount())
        .isEqualTo(metrics.sentCount() + metrics.droppedCount() + small.requests());
    receiver.release();
    for (CompletableFuture<Void> done : delivered) {
      awaitDone(done);
    }
    assertThat(receiver.accepted())
        .extracting(r -> r.events().get(0).get("channel").asText())
        .containsExactlyInAnyOrder("cache-0", "cache-8", "cache-9");
  }
}
