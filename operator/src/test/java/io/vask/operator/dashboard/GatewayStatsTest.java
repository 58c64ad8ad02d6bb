package io.vask.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.vask.operator.VaskApps;
import io.vask.operator.model.Endpoints;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppStatus;
import io.vask.operator.plan.Credentials;
import io.vask.operator.web.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The list's live figures against stand-in gateways (the real one: DashboardServerIT): kept for ten
 * seconds, reasons for what is missing, a silent gateway never holding the list.
 */
class GatewayStatsTest {
  private static final Credentials CHAT =
      new Credentials("1001", "chat-key", "chat-secret", "chat-credentials");

  private final MutableClock clock = new MutableClock(Instant.now());
  private final List<String> tokens = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> opened = new CopyOnWriteArrayList<>();
  private final GatewayStats stats = new GatewayStats(GatewayUrls.STATUS, app -> CHAT, clock);

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  @Test
  void asksTheGatewayWithAConsoleTokenAndKeepsTheFiguresTenSeconds() throws Exception {
    VaskApp chat = app("chat", gateway(200, "{\"connections\":5,\"channels\":2,\"pod\":\"p-1\"}"));

    AppFigures figures = stats.summaries(List.of(chat)).get(0).live();
    assertThat(figures).isEqualTo(new AppFigures(5L, 2L, "p-1", null));
    assertThat(tokens).hasSize(1);
    assertThat(tokens.get(0)).startsWith("Bearer 1001.");

    clock.advance(Duration.ofSeconds(9));
    stats.summaries(List.of(chat));
    assertThat(tokens).hasSize(1);
    clock.advance(Duration.ofSeconds(2));
    stats.summaries(List.of(chat));
    assertThat(tokens).hasSize(2);
  }

  @Test
  void aRefusalOrAMissingEndpointIsShownWithItsReason() throws Exception {
    VaskApp refused = app("refused", gateway(401, "{\"error\":\"Missing console token\"}"));
    VaskApp unreconciled = VaskApps.named("new", "web");

    List<AppSummary> listed = stats.summaries(List.of(refused, unreconciled));
    assertThat(listed.get(0).live().connections()).isNull();
    assertThat(listed.get(0).live().unavailable())
        .isEqualTo("the gateway answered 401: Missing console token");
    assertThat(listed.get(1).live().unavailable()).contains("not reconciled");
    assertThat(listed).extracting(AppSummary::name).containsExactly("refused", "new");
  }

  @Test
  void aGatewayThatNeverAnswersDoesNotHoldTheList() throws Exception {
    ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    opened.add(silent);
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  accepted.add(silent.accept()); // and never answer
                }
              } catch (IOException closed) {
                // the test is over
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    VaskApp chat = app("chat", "http://127.0.0.1:" + silent.getLocalPort());

    AppFigures first = stats.summaries(List.of(chat)).get(0).live();
    assertThat(first.connections()).isNull();
    assertThat(first.unavailable()).isNotNull();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(stats.summaries(List.of(chat)).get(0).live().unavailable())
                    .isEqualTo("the gateway did not answer within 2 s"));
    for (Socket socket : accepted) {
      socket.close();
    }
  }

  private String gateway(int status, String body) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    server.createContext(
        "/console/api/stats",
        exchange -> {
          tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    opened.add(() -> server.stop(0));
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static VaskApp app(String name, String httpApi) {
    VaskApp app = VaskApps.named(name, "web");
    var status = new VaskAppStatus();
    status.endpoints = new Endpoints("ws://unused/app/chat-key", httpApi);
    app.setStatus(status);
    return app;
  }
}
