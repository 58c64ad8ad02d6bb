package io.vask.gateway.connection;

import static io.vask.gateway.connection.ConnectionRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.AppSettings;
import io.vask.contract.signing.Signatures;
import io.vask.gateway.channel.Session;
import io.vask.gateway.testing.RecordingTransport;
import io.vask.gateway.testing.TestGateways;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a closed connection leaves behind, checked on the single-node cluster: no subscriptions, no
 * presence membership (others are told), no signed-in user, and its quota place back.
 */
class DepartureTest {
  private static final AppSettings APP = TestGateways.app("one", true, 2, 30, false);
  private static final String PRESENCE = "presence-room";

  private final ConnectionRig rig = new ConnectionRig(APP);

  @AfterEach
  void close() {
    rig.close();
  }

  private void send(Session session, String json) {
    rig.messages.receive(session, json);
  }

  @Test
  void undoesSubscriptionsPresenceAndSignInAndGivesTheQuotaPlaceBack() {
    RecordingTransport leaving = new RecordingTransport();
    RecordingTransport staying = new RecordingTransport();
    Session gone = rig.connect(APP.key(), leaving);
    Session other = rig.connect(APP.key(), staying);
    send(gone, "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"news\"}}");
    subscribePresence(gone, "alice");
    subscribePresence(other, "bob");
    signIn(gone, "alice");
    assertThat(await(rig.cluster.membership().counts().stats("one", "news")).subscriptionCount())
        .isEqualTo(1);
    assertThat(await(rig.cluster.membership().users().onlineUsers("one", List.of("alice"))))
        .containsExactly("alice");
    assertThat(leaving.closes()).isEmpty();

    rig.departure.leave(gone);

    assertThat(gone.isOpen()).isFalse();
    assertThat(gone.subscriptions()).isEmpty();
    assertThat(rig.registry.localCount("one", "news")).isZero();
    assertThat(await(rig.cluster.membership().counts().stats("one", "news")).subscriptionCount())
        .isZero();
    assertThat(await(rig.cluster.membership().presence().members("one", PRESENCE)))
        .extracting(m -> m.userId())
        .containsExactly("bob");
    assertThat(staying.frames())
        .anyMatch(f -> f.contains("pusher_internal:member_removed") && f.contains("alice"));
    assertThat(await(rig.cluster.membership().users().onlineUsers("one", List.of("alice"))))
        .isEmpty();
    // the quota of 2 has a place again
    rig.connect(APP.key(), new RecordingTransport());
  }

  @Test
  void aSessionThatNeverSubscribedOnlyGivesItsPlaceBack() {
    Session a = rig.connect(APP.key(), new RecordingTransport());
    rig.connect(APP.key(), new RecordingTransport());
    rig.departure.leave(a);
    rig.connect(APP.key(), new RecordingTransport());
    RecordingTransport refused = new RecordingTransport();
    await(rig.admission.admit("/app/" + APP.key(), "7", refused));
    assertThat(refused.closes()).extracting(e -> e.code()).containsExactly(4004);
  }

  private void subscribePresence(Session session, String userId) {
    String data = "{\"user_id\":\"" + userId + "\"}";
    String auth =
        APP.key()
            + ":"
            + Signatures.hmacSha256Hex(
                APP.secret(), session.socketId() + ":" + PRESENCE + ":" + data);
    send(
        session,
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
            + PRESENCE
            + "\",\"auth\":\""
            + auth
            + "\",\"channel_data\":"
            + io.vask.gateway.protocol.Json.quote(data)
            + "}}");
    assertThat(session.subscription(PRESENCE)).isNotNull();
    assertThat(session.subscription(PRESENCE).active()).isTrue();
  }

  private void signIn(Session session, String userId) {
    String data = "{\"id\":\"" + userId + "\"}";
    String auth =
        APP.key()
            + ":"
            + Signatures.hmacSha256Hex(APP.secret(), session.socketId() + "::user::" + data);
    send(
        session,
        "{\"event\":\"pusher:signin\",\"data\":{\"auth\":\""
            + auth
            + "\",\"user_data\":"
            + io.vask.gateway.protocol.Json.quote(data)
            + "}}");
    assertThat(session.user()).isNotNull();
  }
}
