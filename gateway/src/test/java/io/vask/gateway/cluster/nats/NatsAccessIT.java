package io.vask.gateway.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.NKey;
import io.vask.gateway.cluster.BusRecorder;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.Cluster;
import io.vask.gateway.cluster.ControlMessage;
import io.vask.gateway.testing.GatewayProcess;
import io.vask.gateway.testing.SecuredNatsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A nats-server with TLS (client certificates verified) and two accounts: nodes with the right
 * credentials form a cluster, wrong ones are refused with a clear error and a gateway never becomes
 * ready, and two accounts using the same app id never see each other's events or state.
 */
class NatsAccessIT {
  private static final String APP = "same-app-id";
  private static NKey nkey;
  private static SecuredNatsServer nats;
  private final List<Cluster> nodes = new ArrayList<>();

  @BeforeAll
  static void startNats() throws Exception {
    nkey = NKey.createUser(null);
    nats = SecuredNatsServer.start(new String(nkey.getPublicKey()));
  }

  @AfterAll
  static void stopNats() throws Exception {
    nats.close();
  }

  @AfterEach
  void closeNodes() {
    nodes.forEach(Cluster::close);
  }

  private NatsAccess tls(String user, String password, Path nkeyFile) throws IOException {
    return new NatsAccess(
        user,
        password == null ? null : nats.secretFile(user + ".password", password),
        null,
        nkeyFile,
        null,
        nats.file("ca.pem"),
        nats.file("client.pem"),
        nats.file("client-key.pem"));
  }

  private Cluster node(NatsAccess access) throws Exception {
    Cluster node =
        NatsCluster.connect(
            nats.url(), access, "access", Clock.systemUTC(), new NatsTimings(600, 3000, 500));
    nodes.add(node);
    return node;
  }

  private static List<ChannelEvent> listen(Cluster node) {
    List<ChannelEvent> delivered = new CopyOnWriteArrayList<>();
    node.bus().start(BusRecorder.into(delivered, new CopyOnWriteArrayList<ControlMessage>()));
    node.bus().addInterest(APP, "room").toCompletableFuture().join();
    return delivered;
  }

  private static void publish(Cluster node, String text) {
    node.bus().publish(new ChannelEvent(APP, "room", text.getBytes(StandardCharsets.UTF_8), null));
  }

  @Test
  void nodesWithTheRightCredentialsOverTlsFormOneCluster() throws Exception {
    Cluster byPassword = node(tls("alice", SecuredNatsServer.ALICE_PASSWORD, null));
    Path seed = nats.secretFile("alice.nk", new String(nkey.getSeed()) + "\n");
    Cluster byNkey = node(tls(null, null, seed));
    listen(byPassword);
    List<ChannelEvent> atNkey = listen(byNkey);

    publish(byPassword, "hello");

    await().atMost(Duration.ofSeconds(10)).until(() -> atNkey.size() == 1);
  }

  @Test
  void aWrongPasswordIsRefusedWithAClearErrorThatNamesNoSecret() {
    assertThatThrownBy(() -> node(tls("alice", "not-the-password", null)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("NATS refused this node's credentials")
        .hasMessageNotContaining("not-the-password");
  }

  @Test
  void withoutAClientCertificateTheServerRefusesTheNode() {
    NatsAccess noClientCert =
        new NatsAccess(null, null, null, null, null, nats.file("ca.pem"), null, null);
    assertThatThrownBy(() -> node(noClientCert)).isInstanceOf(IOException.class);
  }

  @Test
  void twoAccountsWithTheSameAppIdNeverSeeEachOther() throws Exception {
    Cluster teamA = node(tls("alice", SecuredNatsServer.ALICE_PASSWORD, null));
    Cluster teamB = node(tls("bob", SecuredNatsServer.BOB_PASSWORD, null));
    Cluster teamBAgain = node(tls("bob", SecuredNatsServer.BOB_PASSWORD, null));
    List<ChannelEvent> atA = listen(teamA);
    listen(teamB);
    List<ChannelEvent> atBAgain = listen(teamBAgain);
    teamA.membership().occupancy().channelJoined(APP, "room").toCompletableFuture().join();

    publish(teamB, "for team B only");

    await().atMost(Duration.ofSeconds(10)).until(() -> atBAgain.size() == 1);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(atA::isEmpty);
    assertThat(teamB.membership().counts().channels(APP, "").toCompletableFuture().join())
        .isEmpty();
  }

  @Test
  void aGatewayWithWrongCredentialsNeverBecomesReadyAndSaysWhy() throws Exception {
    Path dir = Files.createTempDirectory("vask-access-it");
    Path apps = dir.resolve("apps.json");
    Files.writeString(
        apps, "{\"apps\":[{\"id\":\"" + APP + "\",\"key\":\"k-access\",\"secret\":\"s-access\"}]}");
    Map<String, String> right = gatewayEnv("alice", SecuredNatsServer.ALICE_PASSWORD);
    Map<String, String> wrong = gatewayEnv("alice", "wrong-pw-123");

    try (GatewayProcess ok = GatewayProcess.start("right", nats.url(), apps, dir, right);
        GatewayProcess refused = GatewayProcess.start("wrong", nats.url(), apps, dir, wrong)) {
      assertThat(ok.ready()).isTrue();
      assertThat(refused.ready()).isFalse();
      String log = Files.readString(dir.resolve("wrong.log"));
      assertThat(log)
          .contains("NATS refused this node's credentials")
          .doesNotContain("wrong-pw-123");
    }
  }

  private Map<String, String> gatewayEnv(String user, String password) throws IOException {
    return Map.of(
        "VASK_NATS_USER", user,
        "VASK_NATS_PASSWORD_FILE",
            nats.secretFile(user + "-" + password.length(), password).toString(),
        "VASK_NATS_TLS_CA", nats.file("ca.pem").toString(),
        "VASK_NATS_TLS_CERT", nats.file("client.pem").toString(),
        "VASK_NATS_TLS_KEY", nats.file("client-key.pem").toString());
  }
}
