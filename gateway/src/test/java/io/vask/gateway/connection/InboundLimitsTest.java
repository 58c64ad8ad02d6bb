package io.vask.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.AppSettings;
import io.vask.contract.signing.Signatures;
import io.vask.gateway.channel.Session;
import io.vask.gateway.limit.LimitSettings;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.testing.RecordingTransport;
import io.vask.gateway.testing.TestGateways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-socket limits on client messages: subscribe/unsubscribe and sign-in rates answer 4301 in-band
 * and drop only the excess; a signed-in presence member is held to the same id and info limits as
 * {@code channel_data}.
 */
class InboundLimitsTest {
  private static final AppSettings APP = TestGateways.app("one", true, 0, 30, false);
  private static final int SUBSCRIBES = 3;
  private static final int SIGNINS = 2;

  private final ConnectionRig rig = new ConnectionRig(limits(), APP);

  private static LimitSettings limits() {
    LimitSettings d = LimitSettings.defaults();
    return new LimitSettings(
        d.handshakeTimeoutMillis(),
        d.httpIdleTimeoutMillis(),
        d.maxConnections(),
        d.connectionsPerAddress(),
        d.newConnectionsPerAddressPerSecond(),
        d.maxTrackedAddresses(),
        d.trustedProxies(),
        new LimitSettings.MessageRates(SUBSCRIBES, SIGNINS));
  }

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void subscribesPastTheRateAreRefusedWith4301AndTheRestSucceed() {
    RecordingTransport transport = new RecordingTransport();
    Session session = rig.connect(APP.key(), transport);
    for (int i = 0; i < SUBSCRIBES + 2; i++) {
      rig.messages.receive(
          session, "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"c" + i + "\"}}");
    }
    assertThat(transport.frames())
        .filteredOn(f -> f.contains("subscription_succeeded"))
        .hasSize(SUBSCRIBES);
    assertThat(transport.frames())
        .filteredOn(f -> f.contains("\"code\":4301"))
        .hasSize(2)
        .allMatch(f -> f.contains("Subscription rejected due to rate limit"));
    assertThat(transport.closes()).isEmpty();
    assertThat(session.isOpen()).isTrue();
    assertThat(rig.refusals.value(io.vask.gateway.limit.LimitReason.SUBSCRIBE_RATE)).isEqualTo(2);
  }

  @Test
  void signInsPastTheRateAreRefusedWith4301() {
    RecordingTransport transport = new RecordingTransport();
    Session session = rig.connect(APP.key(), transport);
    for (int i = 0; i < SIGNINS + 1; i++) {
      rig.messages.receive(session, signin(session, "{\"id\":\"alice\"}"));
    }
    assertThat(transport.frames()).filteredOn(f -> f.contains("signin_success")).hasSize(SIGNINS);
    assertThat(transport.frames())
        .filteredOn(f -> f.contains("Sign-in rejected due to rate limit"))
        .hasSize(1);
  }

  @Test
  void aSignedInPresenceMemberWithOversizedInfoIsRefusedLikeChannelData() {
    RecordingTransport transport = new RecordingTransport();
    Session session = rig.connect(APP.key(), transport);
    String info = "{\"id\":\"alice\",\"user_info\":{\"bio\":\"" + "x".repeat(2000) + "\"}}";
    rig.messages.receive(session, signin(session, info));
    String channel = "presence-room";
    String auth =
        APP.key()
            + ":"
            + Signatures.hmacSha256Hex(APP.secret(), session.socketId() + ":" + channel);
    rig.messages.receive(
        session,
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
            + channel
            + "\",\"auth\":\""
            + auth
            + "\"}}");
    assertThat(transport.frames())
        .anyMatch(
            f ->
                f.contains("pusher:subscription_error")
                    && f.contains("Presence user_info is larger than 1024 bytes"));
    assertThat(session.subscription(channel)).isNull();
  }

  private static String signin(Session session, String userData) {
    String auth =
        APP.key()
            + ":"
            + Signatures.hmacSha256Hex(APP.secret(), session.socketId() + "::user::" + userData);
    return "{\"event\":\"pusher:signin\",\"data\":{\"auth\":\""
        + auth
        + "\",\"user_data\":"
        + Json.quote(userData)
        + "}}";
  }
}
