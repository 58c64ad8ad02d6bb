package io.vask.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.data.Result;
import io.vask.contract.AppSettings;
import io.vask.e2e.support.ApiCalls;
import io.vask.e2e.support.AuthEndpoint;
import io.vask.e2e.support.E2eGateway;
import io.vask.e2e.support.Inbox;
import io.vask.e2e.support.SdkClient;
import io.vask.e2e.support.SignedHttp;
import io.vask.e2e.support.SignedHttp.Call;
import io.vask.e2e.support.TestApps;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.testing.RawSocket;
import io.vask.gateway.testing.TestSocket;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One gateway takes every kind of bad input PROTOCOL.md names — malformed and unknown WebSocket
 * messages, invalid channel names, wrong or missing auth, oversize frames and bodies, bad or stale
 * HTTP signatures, unknown apps, a flood of connects and disconnects — answers each as the spec
 * says, and afterwards still serves a healthy pusher-java-client.
 */
class BadInputIT {
  private static final AppSettings APP = TestApps.app("sturdy");
  private static final String BIG = "x".repeat(70_000);

  @Test
  void everyKindOfBadInputIsAnsweredAndTheNodeStaysHealthy() throws Exception {
    try (E2eGateway gateway = E2eGateway.start(APP);
        AuthEndpoint auth = AuthEndpoint.start(APP)) {
      com.pusher.rest.Pusher api = gateway.api(APP);
      try (TestSocket socket = TestSocket.connect(gateway.port(), "/app/" + APP.key())) {
        String socketId = socket.socketId();
        malformedMessagesGetInBandErrors(socket);
        invalidSubscriptionsAreRefused(socket, api, socketId);
        oversizeMessagesAreRefusedAndTheSocketStaysUsable(socket, api, socketId);
      }
      hugeFramesAndUnknownAppsAreClosed(gateway);
      badHttpRequestsGetJsonErrors(gateway, api);
      floodOfConnectsAndDisconnectsLeavesNothingBehind(gateway);
      healthyClientStillSubscribesAndReceives(gateway, auth, api);
      api.close();
    }
  }

  private static void malformedMessagesGetInBandErrors(TestSocket socket) {
    socket.send("{not json");
    assertError(socket.next(), "Received invalid JSON");
    socket.send("[1,2,3]");
    assertError(socket.next(), "Received invalid JSON");
    socket.send("{\"data\":{}}");
    assertError(socket.next(), "event");
    socket.send("{\"event\":\"shout\",\"channel\":\"private-x\",\"data\":{}}");
    assertThat(socket.next().get("event").asText()).isEqualTo("pusher:error");
    socket.send("{\"event\":\"pusher:subscribe\",\"data\":\"not an object\"}");
    assertThat(socket.next().get("event").asText()).isEqualTo("pusher:error");
    // Unknown pusher:* events are ignored: the next frame is the answer to the ping after them.
    socket.send("{\"event\":\"pusher:teleport\",\"data\":{}}");
    socket.send("{\"event\":\"pusher:ping\",\"data\":{}}");
    assertThat(socket.next().get("event").asText()).isEqualTo("pusher:pong");
  }

  private static void invalidSubscriptionsAreRefused(
      TestSocket socket, com.pusher.rest.Pusher api, String socketId) {
    refused(socket, "bad:name", null, "is invalid");
    refused(socket, "has space", null, "is invalid");
    refused(socket, "n".repeat(201), null, "is invalid");
    refused(socket, "#server-to-user-someone", null, "signed in as that user");
    refused(socket, "private-vault", null, "is required");
    refused(socket, "private-vault", APP.key() + ":" + "0".repeat(64), "Invalid signature");
    refused(socket, "private-vault", "other-key:" + "0".repeat(64), "Invalid key");
    String wrongSocket = signedAuth(api, "1.1", "private-vault");
    refused(socket, "private-vault", wrongSocket, "Invalid signature");
    String noChannelData =
        APP.key() + ":" + SignedHttp.hmac(APP.secret(), socketId + ":presence-hall");
    refused(socket, "presence-hall", noChannelData, "channel_data");
  }

  private static void oversizeMessagesAreRefusedAndTheSocketStaysUsable(
      TestSocket socket, com.pusher.rest.Pusher api, String socketId) {
    String channel = "private-uploads";
    subscribe(socket, channel, signedAuth(api, socketId, channel));
    socket.send(
        "{\"event\":\"client-upload\",\"channel\":\"" + channel + "\",\"data\":\"" + BIG + "\"}");
    assertError(socket.next(), "larger than");
    socket.send("{\"event\":\"pusher:ping\",\"data\":{}}");
    assertThat(socket.next().get("event").asText()).isEqualTo("pusher:pong");
    assertThat(socket.isClosed()).isFalse();
  }

  private static void hugeFramesAndUnknownAppsAreClosed(E2eGateway gateway) throws Exception {
    try (TestSocket huge = TestSocket.connect(gateway.port(), "/app/" + APP.key())) {
      huge.socketId();
      huge.send("{\"event\":\"pusher:ping\",\"data\":\"" + "y".repeat(300_000) + "\"}");
      assertThat(huge.closeCode(10)).as("over the 256 KiB frame cap").isEqualTo(1009);
    }
    try (TestSocket unknown = TestSocket.connect(gateway.port(), "/app/no-such-key")) {
      assertThat(unknown.await("pusher:error").at("/data/code").asInt()).isEqualTo(4001);
      assertThat(unknown.closeCode(5)).isEqualTo(4001);
    }
    try (Socket garbage = new Socket("127.0.0.1", gateway.port())) {
      garbage.setSoTimeout(10_000);
      OutputStream out = garbage.getOutputStream();
      out.write("\u0000\u0001NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = new String(garbage.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400").contains("{\"error\":");
    }
  }

  private static void badHttpRequestsGetJsonErrors(E2eGateway gateway, com.pusher.rest.Pusher api)
      throws Exception {
    String events = "/apps/" + APP.id() + "/events";
    String valid = "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"{}\"}";
    SignedHttp http = new SignedHttp(gateway.baseUrl(), APP.key(), APP.secret());
    long now = System.currentTimeMillis() / 1000;

    assertStatus(http.send(Call.post(events, valid)), 200);
    assertStatus(http.send(Call.post(events, valid).signedWith("not-the-secret")), 401);
    assertStatus(http.send(Call.post(events, valid).at(now - 700)), 401);
    assertStatus(http.send(Call.post(events, valid).at(now + 700)), 401);
    assertStatus(http.send(Call.post(events, valid).withoutBodyMd5()), 401);
    assertStatus(http.send(Call.post(events, valid).claimingBodyMd5("0".repeat(32))), 401);
    assertStatus(http.send(Call.post(events, "{\"name\":")), 400);
    assertStatus(
        http.send(
            Call.post(events, "{\"name\":\"pusher:fake\",\"channel\":\"c\",\"data\":\"{}\"}")),
        400);
    assertStatus(
        http.send(Call.post(events, "{\"name\":\"e\",\"channel\":\"bad:name\",\"data\":\"{}\"}")),
        400);
    assertStatus(
        http.send(
            Call.post(
                events,
                "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"{}\",\"socket_id\":\"abc\"}")),
        400);
    StringBuilder many = new StringBuilder("{\"name\":\"e\",\"data\":\"{}\",\"channels\":[");
    for (int i = 0; i < 101; i++) {
      many.append(i == 0 ? "" : ",").append("\"c").append(i).append('"');
    }
    assertStatus(http.send(Call.post(events, many + "]}")), 400);
    String bigEvent = "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"" + BIG + "\"}";
    assertStatus(http.send(Call.post(events, bigEvent)), 413);
    String hugeBody =
        "{\"name\":\"e\",\"channel\":\"c\",\"data\":\"" + "z".repeat(1_100_000) + "\"}";
    assertStatus(http.send(Call.post(events, hugeBody)), 413);
    String channels = "/apps/" + APP.id() + "/channels";
    assertStatus(http.send(Call.get(channels, Map.of("info", "user_count"))), 400);
    assertStatus(http.send(Call.get(channels + "/public-room/users", Map.of())), 400);

    SignedHttp unknownKey = new SignedHttp(gateway.baseUrl(), "no-such-key", APP.secret());
    assertStatus(unknownKey.send(Call.post(events, valid)), 400);
    assertStatus(http.send(Call.post("/apps/no-such-app/events", valid)), 404);

    // The server SDK sees the same answers.
    Result wrongApp = gateway.api(TestApps.app("missing")).trigger("c", "e", Map.of());
    assertThat(wrongApp.getHttpStatus()).isEqualTo(404);
    Result tooBig = api.trigger("c", "e", Map.of("blob", BIG));
    assertThat(tooBig.getHttpStatus()).isEqualTo(413);
    assertThat(Json.parse(tooBig.getMessage())).isPresent();
  }

  private static void floodOfConnectsAndDisconnectsLeavesNothingBehind(E2eGateway gateway)
      throws Exception {
    long connectionsBefore = gateway.metrics().connections();
    for (int i = 0; i < 150; i++) {
      RawSocket raw = RawSocket.upgrade(gateway.port(), "/app/" + APP.key(), 0);
      if (i % 2 == 0) {
        raw.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"flood-" + i + "\"}}");
      }
      raw.close();
    }
    for (int i = 0; i < 50; i++) {
      try (Socket halfRequest = new Socket("127.0.0.1", gateway.port())) {
        halfRequest.getOutputStream().write("GET /app/".getBytes(StandardCharsets.US_ASCII));
      }
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> gateway.metrics().connections() == connectionsBefore);
  }

  private static void healthyClientStillSubscribesAndReceives(
      E2eGateway gateway, AuthEndpoint auth, com.pusher.rest.Pusher api) {
    try (SdkClient client = gateway.client(APP, auth, "survivor")) {
      client.connect();
      Inbox inbox = client.subscribePresence("presence-after-the-storm", "calm");
      ApiCalls.ok(api.trigger("presence-after-the-storm", "calm", Map.of("ok", true)));
      assertThat(inbox.awaitEvent("calm").getData()).isEqualTo("{\"ok\":true}");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(ApiCalls.get(api, "/channels", Map.of()).get("channels").fieldNames())
                      .toIterable()
                      .as("no channel left over from the flood")
                      .containsExactly("presence-after-the-storm"));
    }
  }

  private static String signedAuth(com.pusher.rest.Pusher api, String socketId, String channel) {
    return Json.parse(api.authenticate(socketId, channel)).orElseThrow().get("auth").asText();
  }

  private static void subscribe(TestSocket socket, String channel, String auth) {
    socket.send(subscribeFrame(channel, auth));
    JsonNode frame = socket.next();
    assertThat(frame.get("event").asText()).isEqualTo("pusher_internal:subscription_succeeded");
  }

  private static void refused(TestSocket socket, String channel, String auth, String message) {
    socket.send(subscribeFrame(channel, auth));
    assertError(socket.next(), message);
    JsonNode failure = socket.next();
    assertThat(failure.get("event").asText()).isEqualTo("pusher:subscription_error");
    assertThat(failure.get("channel").asText()).isEqualTo(channel);
  }

  private static String subscribeFrame(String channel, String auth) {
    return "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":"
        + Json.quote(channel)
        + (auth == null ? "" : ",\"auth\":" + Json.quote(auth))
        + "}}";
  }

  private static void assertError(JsonNode frame, String messagePart) {
    assertThat(frame.get("event").asText()).as("%s", frame).isEqualTo("pusher:error");
    assertThat(frame.at("/data/code").isNull()).as("%s", frame).isTrue();
    assertThat(frame.at("/data/message").asText()).contains(messagePart);
  }

  private static void assertStatus(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(status);
    if (status != 200) {
      assertThat(Json.parse(response.body()).map(b -> b.has("error")))
          .as("JSON error body: %s", response.body())
          .contains(true);
    }
  }
}
