package io.vask.operator.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.vask.operator.model.VaskApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registration endpoint against the CRUD API-server mock, a local stand-in for github.com and
 * keys and signatures from the real ssh-keygen; {@code vask register} runs through ./vask.
 */
@EnableKubernetesMockClient(crud = true)
class RegistrationServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LAUNCHER = Path.of("..", "vask").toAbsolutePath();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path keys;
  private static Path alice;
  private static Path bob;
  private static Path carol;
  private static Path dave;

  KubernetesClient client;
  private final MutableClock clock = new MutableClock();
  private PublishedKeysServer github;
  private RegistrationServer server;

  @BeforeAll
  static void makeKeys() throws Exception {
    alice = SshKeys.generate(keys, "alice", "ed25519", 0);
    bob = SshKeys.generate(keys, "bob", "ed25519", 0);
    carol = SshKeys.generate(keys, "carol", "ecdsa", 384);
    dave = SshKeys.generate(keys, "dave", "rsa", 2048);
  }

  @BeforeEach
  void start() throws Exception {
    github = new PublishedKeysServer();
    github.publish("alice", SshKeys.publicLine(bob), SshKeys.publicLine(alice));
    github.publish("bob", SshKeys.publicLine(bob));
    github.publish("carol", SshKeys.publicLine(carol));
    github.publish("dave", SshKeys.publicLine(dave));
    github.publish("olga", SshKeys.publicLine(alice));
    github.member("acme", "olga");
    var settings =
        new RegistrationSettings(
            true,
            0,
            Set.of("alice", "bob", "carol", "dave", "org:acme"),
            "apps",
            github.keysUrl(),
            github.orgMembersUrl(),
            Duration.ofMinutes(5),
            5);
    server = RegistrationServer.start(settings, client, "127.0.0.1", clock);
  }

  @AfterEach
  void stop() {
    server.close();
    github.close();
  }

  @Test
  void vaskRegisterCreatesTheAppAndPrintsItsCredentialsOnce() throws Exception {
    var run = register("alice", alice);

    assertThat(run.code).as(run.err).isZero();
    JsonNode printed = JSON.readTree(run.out);
    assertThat(printed.get("name").asText()).isEqualTo("gh-alice");
    assertThat(printed.get("namespace").asText()).isEqualTo("apps");
    VaskApp app = client.resources(VaskApp.class).inNamespace("apps").withName("gh-alice").get();
    assertThat(app.getMetadata().getAnnotations()).containsEntry("vask.dev/github-user", "alice");
    String secretName = app.getSpec().credentials.secretRef.name;
    Secret secret = client.secrets().inNamespace("apps").withName(secretName).get();
    assertThat(secretData(secret))
        .isEqualTo(
            Map.of(
                "app_id", printed.get("app_id").asText(),
                "key", printed.get("key").asText(),
                "secret", printed.get("secret").asText()));
    List<Event> events = client.v1().events().inNamespace("apps").list().getItems();
    assertThat(events)
        .anySatisfy(
            event -> {
              assertThat(event.getReason()).isEqualTo("Registered");
              assertThat(event.getInvolvedObject().getName()).isEqualTo("gh-alice");
            });

    var again = register("alice", alice);
    assertThat(again.code).isEqualTo(1);
    assertThat(again.err).contains("already has an app");
  }

  @Test
  void vaskRegisterRefusesAKeyThatIsNotTheUsersPublishedKey() throws Exception {
    var run = register("bob", alice);

    assertThat(run.code).isEqualTo(3);
    assertThat(run.err)
        .startsWith("vask: registration refused (403)")
        .contains("not among bob's published keys");
    assertThat(client.resources(VaskApp.class).inNamespace("apps").list().getItems()).isEmpty();
  }

  @Test
  void ecdsaAndRsaKeysRegisterToo() throws Exception {
    assertThat(registerOverHttp("carol", carol).statusCode()).isEqualTo(201);
    assertThat(registerOverHttp("dave", dave).statusCode()).isEqualTo(201);
  }

  @Test
  void aChallengeWorksOnceOnlyForItsUserAndUntilItExpires() throws Exception {
    String first = challenge("bob");
    String signature = SshKeys.sign(bob, "vask-register", first);
    assertThat(post("/register", body("bob", first, signature)).statusCode()).isEqualTo(201);

    var replay = post("/register", body("bob", first, signature));
    String forAlice = challenge("alice");
    var foreign =
        post("/register", body("bob", forAlice, SshKeys.sign(bob, "vask-register", forAlice)));
    String late = challenge("carol");
    clock.advance(Duration.ofMinutes(6));
    var expired =
        post("/register", body("carol", late, SshKeys.sign(carol, "vask-register", late)));

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("already used");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.body()).contains("another user");
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("expired");
  }

  @Test
  void aSignatureInAnotherNamespaceIsRefused() throws Exception {
    String challenge = challenge("bob");

    var response = post("/register", body("bob", challenge, SshKeys.sign(bob, "git", challenge)));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("namespace");
  }

  @Test
  void onlyAllowedUsersAndPublicOrgMembersGetAChallenge() throws Exception {
    assertThat(post("/register/challenge", Map.of("user", "mallory")).statusCode()).isEqualTo(403);
    assertThat(post("/register/challenge", Map.of("user", "olga")).statusCode()).isEqualTo(200);
    assertThat(post("/register/challenge", Map.of("user", "bad/name")).statusCode()).isEqualTo(400);
  }

  @Test
  void requestsAreRateLimitedPerUser() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(post("/register/challenge", Map.of("user", "dave")).statusCode()).isEqualTo(200);
    }

    var limited = post("/register/challenge", Map.of("user", "dave"));
    clock.advance(Duration.ofMinutes(1));
    var nextMinute = post("/register/challenge", Map.of("user", "dave"));

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(nextMinute.statusCode()).isEqualTo(200);
  }

  private record Run(int code, String out, String err) {}

  private Run register(String user, Path key) throws Exception {
    Path jar = Path.of("..", "cli", "target", "vask-cli.jar");
    assertThat(jar).as("mvn package builds the CLI jar").exists();
    Process process =
        new ProcessBuilder(
                LAUNCHER.toString(),
                "register",
                "--github",
                user,
                "--key",
                key.toString(),
                "--endpoint",
                "http://127.0.0.1:" + server.port())
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out, err);
  }

  private HttpResponse<String> registerOverHttp(String user, Path key) throws Exception {
    String challenge = challenge(user);
    return post("/register", body(user, challenge, SshKeys.sign(key, "vask-register", challenge)));
  }

  private String challenge(String user) throws Exception {
    var response = post("/register/challenge", Map.of("user", user));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("challenge").asText();
  }

  private static Map<String, String> body(String user, String challenge, String signature) {
    return Map.of("user", user, "challenge", challenge, "signature", signature);
  }

  private HttpResponse<String> post(String path, Map<String, String> body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> secretData(Secret secret) {
    if (secret.getStringData() != null && !secret.getStringData().isEmpty()) {
      return secret.getStringData();
    }
    var plain = new java.util.HashMap<String, String>();
    secret
        .getData()
        .forEach(
            (k, v) ->
                plain.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    return plain;
  }
}
