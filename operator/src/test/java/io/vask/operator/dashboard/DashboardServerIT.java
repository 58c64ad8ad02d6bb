package io.vask.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.connection.ConnectionState;
import io.fabric8.kubernetes.api.model.Secret;
import io.vask.operator.OperatorFixture;
import io.vask.operator.model.VaskApp;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's HTTP API with its production parts against the mock: CRUD for VaskApps and
 * Secrets, review expectations deciding who may do what ({@link ReviewStubs#standard()}), and a
 * real gateway process asked for an app's live connections.
 */
class DashboardServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String GATEWAY = "http://gateway.example:6001";

  @RegisterExtension
  final OperatorFixture api =
      OperatorFixture.withDefaults().withoutOperator().withStubs(ReviewStubs.standard()::install);

  private DashboardServer server;

  @BeforeEach
  void start() throws Exception {
    SeededApps.seed(api.client(), GATEWAY);
    var settings = new DashboardSettings(true, 0, Duration.ofMinutes(10), GatewayUrls.STATUS);
    server =
        DashboardServer.start(
            Dashboards.api(settings, api.client(), Set.of("web", "chat")), "127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void everyApiCallNeedsATokenTheApiServerAccepts() throws Exception {
    var missing = call("GET", "/api/apps", null, null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json(missing).path("error").asText()).contains("bearer token");
    assertThat(call("GET", "/api/apps", "forged", null).statusCode()).isEqualTo(401);
    assertThat(call("POST", "/api/apps", "forged", Map.of("name", "x")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void listsTheAppsOfTheWatchedNamespacesTheUserMayList() throws Exception {
    JsonNode all = json(call("GET", "/api/apps", "alice-token", null));
    assertThat(all.path("user").asText()).isEqualTo("alice");
    assertThat(all.path("apps").findValuesAsText("name")).containsExactly("support", "chat");
    JsonNode chat = all.path("apps").get(1);
    assertThat(chat.path("ready").asText()).isEqualTo("True");
    assertThat(chat.path("reason").asText()).isEqualTo("GatewayReady");
    assertThat(chat.path("websocket").asText()).isEqualTo("ws://gateway.example:6001/app/chat-key");
    assertThat(chat.path("appId").asText()).isEqualTo("1001");
    assertThat(chat.path("readyReplicas").asInt()).isEqualTo(2);
    assertThat(all.path("apps").get(0).path("reason").asText()).isEqualTo("NotReconciled");

    JsonNode bobs = json(call("GET", "/api/apps", "bob-token", null));
    assertThat(bobs.path("apps").findValuesAsText("name")).containsExactly("chat");
    assertThat(bobs.path("forbiddenNamespaces").get(0).asText()).isEqualTo("chat");

    var carol = call("GET", "/api/apps", "carol-token", null);
    assertThat(carol.statusCode()).isEqualTo(403);
    assertThat(json(carol).path("error").asText()).contains("carol may not list");
    assertThat(call("GET", "/api/apps?namespace=kube-system", "alice-token", null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void createsAVaskAppWithTheFormsFields() throws Exception {
    var form =
        Map.<String, Object>of(
            "namespace", "web", "name", "news", "clientEvents", true, "replicas", "3");
    var refused = call("POST", "/api/apps", "bob-token", form);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json(refused).path("error").asText())
        .isEqualTo("bob may not create vaskapps.vask.dev in namespace web");
    assertThat(app("web", "news")).isNull();

    var created = call("POST", "/api/apps", "alice-token", form);
    assertThat(created.statusCode()).isEqualTo(201);
    VaskApp news = app("web", "news");
    assertThat(news.getSpec().features.clientEvents).isTrue();
    assertThat(news.getSpec().features.userAuthentication).isNull();
    assertThat(news.getSpec().scaling.replicas).isEqualTo(3);
    assertThat(news.getMetadata().getAnnotations()).containsEntry("vask.dev/created-by", "alice");
    assertThat(call("POST", "/api/apps", "alice-token", form).statusCode()).isEqualTo(409);
    var invalid =
        call("POST", "/api/apps", "alice-token", Map.of("namespace", "web", "name", "No Way"));
    assertThat(invalid.statusCode()).isEqualTo(400);
  }

  @Test
  void importsPusherCredentialsIntoASecretAndAVaskAppReferencingIt() throws Exception {
    var form =
        Map.<String, Object>of(
            "namespace", "chat", "name", "legacy", "appId", "424242", "key", "pk", "secret", "ps");
    assertThat(call("POST", "/api/imports", "bob-token", form).statusCode()).isEqualTo(403);

    assertThat(call("POST", "/api/imports", "alice-token", form).statusCode()).isEqualTo(201);
    VaskApp legacy = app("chat", "legacy");
    assertThat(legacy.getSpec().credentials.secretRef.name)
        .isEqualTo("legacy-imported-credentials");
    Secret secret =
        api.client().secrets().inNamespace("chat").withName("legacy-imported-credentials").get();
    assertThat(decoded(secret, "app_id")).isEqualTo("424242");
    assertThat(decoded(secret, "key")).isEqualTo("pk");
    assertThat(decoded(secret, "secret")).isEqualTo("ps");

    JsonNode shown = json(call("GET", "/api/apps/chat/legacy/credentials", "alice-token", null));
    assertThat(shown.path("secret").asText()).isEqualTo("ps");
    assertThat(call("POST", "/api/imports", "alice-token", form).statusCode()).isEqualTo(409);
  }

  @Test
  void showsCredentialsOnlyToWhoMayReadTheSecret() throws Exception {
    var refused = call("GET", "/api/apps/web/chat/credentials", "bob-token", null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(json(refused).path("error").asText()).doesNotContain("chat-secret");

    JsonNode shown = json(call("GET", "/api/apps/web/chat/credentials", "alice-token", null));
    assertThat(shown.path("app_id").asText()).isEqualTo("1001");
    assertThat(shown.path("key").asText()).isEqualTo("chat-key");
    assertThat(shown.path("secret").asText()).isEqualTo("chat-secret");
    assertThat(shown.path("secretName").asText()).isEqualTo("chat-credentials");
    assertThat(call("GET", "/api/apps/web/gone/credentials", "alice-token", null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void signsAConsoleLinkToTheAppsGatewayAsTheGatewayVerifiesIt() throws Exception {
    assertThat(call("GET", "/api/apps/web/chat/console", "bob-token", null).statusCode())
        .isEqualTo(403);
    JsonNode link = json(call("GET", "/api/apps/web/chat/console", "alice-token", null));
    String url = link.path("url").asText();
    assertThat(url).startsWith(GATEWAY + "/console/#token=1001.");
    String[] token = url.substring(url.indexOf("=") + 1).split("\\.");
    long expires = Long.parseLong(token[1]);
    assertThat(Instant.ofEpochSecond(expires))
        .isBetween(Instant.now().plusSeconds(9 * 60), Instant.now().plusSeconds(11 * 60));
    assertThat(token[2]).isEqualTo(hmac("chat-secret", "vask-console\n1001\n" + expires));
    assertThat(call("GET", "/api/apps/chat/support/console", "alice-token", null).statusCode())
        .isEqualTo(404); // no credentials Secret yet
  }

  @Test
  void listsEachAppsLiveConnectionsAskedOfItsGateway() throws Exception {
    try (var gateway = GatewayJar.start(SeededApps.CHAT, "pod-a")) {
      pointChatAt(gateway.url());
      var client =
          new Pusher(
              SeededApps.CHAT.key(),
              new PusherOptions().setHost("127.0.0.1").setWsPort(gateway.port).setUseTLS(false));
      client.connect();
      try {
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> client.getConnection().getState() == ConnectionState.CONNECTED);
        JsonNode apps = json(call("GET", "/api/apps", "alice-token", null)).path("apps");
        JsonNode chat = apps.get(1).path("live");
        assertThat(chat.path("unavailable").isNull()).as(chat.toString()).isTrue();
        assertThat(chat.path("connections").asLong()).isEqualTo(1);
        assertThat(chat.path("channels").asLong()).isZero();
        assertThat(chat.path("pod").asText()).isEqualTo("pod-a");
        assertThat(apps.get(0).path("live").path("unavailable").asText())
            .contains("not reconciled");
      } finally {
        client.disconnect();
      }
    }
  }

  @Test
  void anUnreachableGatewayLeavesTheListWholeWithTheReason() throws Exception {
    pointChatAt("http://127.0.0.1:" + closedPort());
    var listed = call("GET", "/api/apps", "alice-token", null);
    assertThat(listed.statusCode()).isEqualTo(200);
    JsonNode chat = json(listed).path("apps").get(1);
    assertThat(chat.path("name").asText()).isEqualTo("chat");
    assertThat(chat.path("live").path("connections").isNull()).isTrue();
    assertThat(chat.path("live").path("unavailable").asText()).contains("unreachable");
  }

  @Test
  void servesThePageWithAStrictContentSecurityPolicy() throws Exception {
    var page = call("GET", "/", null, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Vask dashboard</title>");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .startsWith("default-src 'self'");
    assertThat(call("GET", "/dashboard.js", null, null).headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(call("GET", "/../pom.xml", null, null).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> call(String method, String path, String token, Object body)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private void pointChatAt(String httpApi) {
    VaskApp chat = app("web", "chat");
    chat.getStatus().endpoints.httpApi = httpApi;
    api.client().resource(chat).updateStatus();
  }

  private static int closedPort() throws Exception {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private VaskApp app(String namespace, String name) {
    return api.client().resources(VaskApp.class).inNamespace(namespace).withName(name).get();
  }

  private static String decoded(Secret secret, String key) {
    if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
      return secret.getStringData().get(key);
    }
    return new String(
        Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }

  private static String hmac(String secret, String data) throws Exception {
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }
}
