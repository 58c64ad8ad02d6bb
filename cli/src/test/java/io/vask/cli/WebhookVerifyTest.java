package io.vask.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.cli.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vask webhook verify: X-Pusher-Signature is the hex HMAC-SHA256 of the raw body. */
class WebhookVerifyTest {
  private static final String BODY =
      "{\"time_ms\":1700000000000,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"news\"}]}";

  @TempDir Path dir;

  @Test
  void aBodySignedWithTheSecretIsValid() throws Exception {
    Path body = Files.writeString(dir.resolve("body.json"), BODY);
    String signature = hmac("webhook-secret", BODY);

    var fromFile =
        CliRun.run(
            Map.of(),
            "webhook",
            "verify",
            "--secret",
            "webhook-secret",
            "--signature",
            signature,
            body.toString());
    var fromStdin =
        CliRun.runWithInput(
            Map.of("PUSHER_APP_SECRET", "webhook-secret"),
            BODY,
            "webhook",
            "verify",
            "--signature",
            signature.toUpperCase(java.util.Locale.ROOT),
            "-");

    assertThat(fromFile.code()).as(fromFile.err()).isZero();
    assertThat(fromFile.out()).isEqualTo("valid\n");
    assertThat(fromStdin.code()).as(fromStdin.err()).isZero();
  }

  @Test
  void aChangedBodyOrAnotherSecretIsInvalid() throws Exception {
    String signature = hmac("webhook-secret", BODY);

    var tampered =
        CliRun.runWithInput(
            Map.of(),
            BODY + " ",
            "webhook",
            "verify",
            "--secret",
            "webhook-secret",
            "--signature",
            signature);
    var otherSecret =
        CliRun.runWithInput(
            Map.of(), BODY, "webhook", "verify", "--secret", "other", "--signature", signature);

    assertThat(tampered.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(tampered.err()).isEqualTo("vask: invalid signature\n");
    assertThat(otherSecret.code()).isEqualTo(ExitCodes.FAILED);
  }

  /** Computed by the JDK here, independently of the CLI's own HMAC code. */
  private static String hmac(String secret, String body) throws Exception {
    var mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(), "HmacSHA256"));
    return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes()));
  }
}
