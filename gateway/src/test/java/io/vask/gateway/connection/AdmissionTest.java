package io.vask.gateway.connection;

import static io.vask.gateway.connection.ConnectionRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vask.contract.AppSettings;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.protocol.PusherError;
import io.vask.gateway.testing.RecordingTransport;
import io.vask.gateway.testing.TestGateways;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may connect, checked without sockets: each refusal's close code, the quota, the welcome. */
class AdmissionTest {
  private static final AppSettings OPEN = TestGateways.app("open", true, 0, 30, false);
  private static final AppSettings DISABLED = TestGateways.app("off", false, 0, 30, false);
  private static final AppSettings SMALL = TestGateways.app("small", true, 1, 30, false);

  private final ConnectionRig rig = new ConnectionRig(OPEN, DISABLED, SMALL);

  @AfterEach
  void close() {
    rig.close();
  }

  private PusherError.Message refusal(String path, String protocol) {
    RecordingTransport transport = new RecordingTransport();
    Verdict verdict = await(rig.admission.admit(path, protocol, transport));
    assertThat(verdict).isInstanceOf(Verdict.Refused.class);
    PusherError.Message error = ((Verdict.Refused) verdict).error();
    assertThat(transport.closes()).containsExactly(error);
    return error;
  }

  private Verdict.Admitted admitted(String path, String protocol, RecordingTransport transport) {
    Verdict verdict = await(rig.admission.admit(path, protocol, transport));
    assertThat(verdict).isInstanceOf(Verdict.Admitted.class);
    assertThat(transport.closes()).isEmpty();
    return (Verdict.Admitted) verdict;
  }

  @Test
  void pathsOtherThanOneAppKeyAreRefusedWith4005() {
    assertThat(refusal("/", null).code()).isEqualTo(4005);
    assertThat(refusal("/app/", null).code()).isEqualTo(4005);
    assertThat(refusal("/app/key-open/extra", null).code()).isEqualTo(4005);
    assertThat(refusal("/apps/key-open", null).code()).isEqualTo(4005);
  }

  @Test
  void unknownKeysAreRefusedWith4001NamingTheKey() {
    PusherError.Message error = refusal("/app/nobody", "7");
    assertThat(error.code()).isEqualTo(4001);
    assertThat(error.message()).contains("nobody");
  }

  @Test
  void disabledAppsAreRefusedWith4003() {
    assertThat(refusal("/app/key-off", "7").code()).isEqualTo(4003);
  }

  @Test
  void aDrainingNodeRefusesWith4200() {
    rig.draining.set(true);
    assertThat(refusal("/app/key-open", "7").code()).isEqualTo(4200);
  }

  @Test
  void protocolVersionsOutsideFourToSevenAreRefused() {
    assertThat(refusal("/app/key-open", "seven").code()).isEqualTo(4006);
    assertThat(refusal("/app/key-open", "3").code()).isEqualTo(4007);
    assertThat(refusal("/app/key-open", "8").code()).isEqualTo(4007);
    admitted("/app/key-open", "4", new RecordingTransport());
    admitted("/app/key-open/", "7", new RecordingTransport());
    admitted("/app/key-open", null, new RecordingTransport());
  }

  @Test
  void theConnectionQuotaRefusesWith4004UntilAPlaceIsGivenBack() {
    Verdict.Admitted first = admitted("/app/key-small", "7", new RecordingTransport());
    assertThat(refusal("/app/key-small", "7").code()).isEqualTo(4004);
    rig.admission.withdraw(first);
    admitted("/app/key-small", "7", new RecordingTransport());
  }

  @Test
  void welcomeSendsTheSocketIdAndTheAppsActivityTimeout() throws Exception {
    RecordingTransport transport = new RecordingTransport();
    Verdict.Admitted admitted = admitted("/app/key-open", "7", transport);
    assertThat(transport.frames()).isEmpty();
    rig.admission.welcome(admitted);
    assertThat(transport.frames()).hasSize(1);
    var frame = Json.MAPPER.readTree(transport.frames().get(0));
    assertThat(frame.get("event").asText()).isEqualTo("pusher:connection_established");
    var data = Json.MAPPER.readTree(frame.get("data").asText());
    assertThat(data.get("socket_id").asText()).isEqualTo(admitted.session().socketId());
    assertThat(data.get("activity_timeout").asInt()).isEqualTo(30);
    assertThat(admitted.session().appId()).isEqualTo("open");
  }

  @Test
  void eachAdmittedSocketGetsItsOwnSocketId() {
    Verdict.Admitted a = admitted("/app/key-open", "7", new RecordingTransport());
    Verdict.Admitted b = admitted("/app/key-open", "7", new RecordingTransport());
    assertThat(a.session().socketId()).isNotEqualTo(b.session().socketId());
  }
}
