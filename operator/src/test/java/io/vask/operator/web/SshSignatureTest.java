package io.vask.operator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SSHSIG signatures made by ssh-keygen verify in Java, for every supported key type. */
class SshSignatureTest {
  private static final String MESSAGE = "vask-register:ada:1700000000:nonce";

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"ed25519,0", "ecdsa,256", "ecdsa,384", "ecdsa,521", "rsa,2048"})
  void aSignatureBySshKeygenVerifiesAndAnAlteredMessageDoesNot(String type, int bits)
      throws Exception {
    Path key = SshKeys.generate(dir, "id_" + type + bits, type, bits);

    SshSignature signature = SshSignature.parse(SshKeys.sign(key, Registration.NAMESPACE, MESSAGE));
    SshPublicKey publicKey = SshPublicKey.parse(signature.publicKey());

    assertThat(signature.namespace()).isEqualTo("vask-register");
    assertThat(signature.hashAlgorithm()).isEqualTo("sha512");
    assertThat(signature.publicKey()).isEqualTo(blob(SshKeys.publicLine(key)));
    assertThat(publicKey.verifies(signature.signature(), signature.signedData(bytes(MESSAGE))))
        .isTrue();
    assertThat(
            publicKey.verifies(signature.signature(), signature.signedData(bytes(MESSAGE + "x"))))
        .isFalse();
  }

  @Test
  void anotherKeyOfTheSameTypeDoesNotVerify() throws Exception {
    Path signer = SshKeys.generate(dir, "signer", "ed25519", 0);
    Path other = SshKeys.generate(dir, "other", "ed25519", 0);
    SshSignature signature = SshSignature.parse(SshKeys.sign(signer, "vask-register", MESSAGE));

    SshPublicKey otherKey = SshPublicKey.parse(blob(SshKeys.publicLine(other)));

    assertThat(otherKey.verifies(signature.signature(), signature.signedData(bytes(MESSAGE))))
        .isFalse();
  }

  @Test
  void garbageIsRefusedAsMalformed() {
    assertThatThrownBy(() -> SshSignature.parse("hello"))
        .isInstanceOfSatisfying(
            RegistrationRefused.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(
            () ->
                SshSignature.parse(
                    "-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAQ==\n-----END SSH SIGNATURE-----"))
        .isInstanceOfSatisfying(
            RegistrationRefused.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  static byte[] blob(String publicLine) {
    return Base64.getDecoder().decode(publicLine.split(" ")[1]);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
