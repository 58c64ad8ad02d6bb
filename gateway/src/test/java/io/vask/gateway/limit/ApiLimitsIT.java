package io.vask.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.AppSettings;
import io.vask.contract.signing.ApiRequestSignature;
import io.vask.contract.signing.ApiRequestSignature.Credentials;
import io.vask.gateway.Gateway;
import io.vask.gateway.testing.RawSocket;
import io.vask.gateway.testing.TestGateways;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app's limits over real connections: HTTP API requests past {@code apiRequestsPerSecond} get
 * 429 with a JSON error and {@code Retry-After}; a bad signature is answered before a large body is
 * read; a socket from an origin the app does not allow gets 4009, one from an allowed origin
 * connects.
 */
class ApiLimitsIT {
  private static final int PER_SECOND = 3;
  private static final AppSettings APP =
      TestGateways.app("1", true, 0, 120, false).toBuilder()
          .apiRequestsPerSecond(PER_SECOND)
          .allowedOrigins(List.of("https://app.example.com", "https://*.example.org"))
          .build();
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Gateway gateway;

  @BeforeEach
  void start() {
    gateway = TestGateways.start(TestGateways.settings(30, 300_000), APP);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void requestsPastTheAppsRateGet429WithRetryAfter() throws Exception {
    HttpResponse<String> refused = null;
    int ok = 0;
    for (int i = 0; i < 20 && refused == null; i++) {
      HttpResponse<String> response = get("/apps/1/channels");
      if (response.statusCode() == 429) {
        refused = response;
      } else {
        assertThat(response.statusCode()).isEqualTo(200);
        ok++;
      }
    }
    assertThat(ok).isGreaterThanOrEqualTo(1);
    assertThat(refused).isNotNull();
    assertThat(refused.body())
        .isEqualTo("{\"error\":\"Too many requests: this app may make 3 per second\"}");
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 2L);
    assertThat(gateway.metrics().total("vask_limit_refusals_total", "reason", "api_rate"))
        .isEqualTo(1);
  }

  @Test
  void aBadSignatureIsAnsweredBeforeALargeBodyIsSent() throws Exception {
    String query =
        "auth_key=key-1&auth_timestamp="
            + System.currentTimeMillis() / 1000
            + "&auth_version=1.0&body_md5=0&auth_signature=bad";
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", gateway.port()), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /apps/1/events?"
                  + query
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + "Content-Type: application/json\r\nContent-Length: 500000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // nothing of the body sent: the answer cannot have waited for it
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).isEqualTo("HTTP/1.1 401");
    }
  }

  @Test
  void aSocketFromAnotherOriginGets4009AndAnAllowedOneConnects() throws Exception {
    try (RawSocket foreign =
        RawSocket.upgrade(
            gateway.port(), "/app/key-1?protocol=7", 0, "Origin: https://evil.example.com\r\n")) {
      assertThat(foreign.read().text())
          .contains("\"code\":4009")
          .contains("Origin https://evil.example.com not allowed");
      RawSocket.Frame close = foreign.read();
      assertThat(close.opcode()).isEqualTo(0x8);
      assertThat(close.closeCode()).isEqualTo(4009);
    }
    try (RawSocket allowed =
        RawSocket.upgrade(
            gateway.port(), "/app/key-1?protocol=7", 0, "Origin: https://www.example.org\r\n")) {
      assertThat(allowed.read().text()).contains("pusher:connection_established");
    }
    assertThat(gateway.metrics().total("vask_limit_refusals_total", "reason", "origin"))
        .isEqualTo(1);
  }

  private HttpResponse<String> get(String path) throws Exception {
    String query =
        ApiRequestSignature.signedQuery(
            new Credentials("key-1", "secret-1"),
            "GET",
            path,
            Map.of(),
            new byte[0],
            System.currentTimeMillis() / 1000);
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + path + "?" + query))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
