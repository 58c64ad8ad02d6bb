package io.vask.operator.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.vask.contract.rules.NatsUrl;

/**
 * The NATS server the gateway pods of this app use to form one logical server. The rules across
 * fields (CEL) are checked again by the operator's SpecValidator, with the same messages.
 */
@ValidationRule(
    value = "has(self.auth) == has(self.credentialsSecret)",
    message = NatsSpec.AUTH_SECRET_MESSAGE)
@ValidationRule(
    value = "!has(self.auth) || self.auth != 'password' || has(self.user)",
    message = NatsSpec.PASSWORD_USER_MESSAGE)
@ValidationRule(
    value = "!has(self.clientCertificate) || !self.clientCertificate || has(self.tlsSecret)",
    message = NatsSpec.CLIENT_CERTIFICATE_MESSAGE)
public class NatsSpec {
  public static final String URL_PATTERN = NatsUrl.PATTERN;
  public static final String AUTH_SECRET_MESSAGE =
      "nats: auth and credentialsSecret go together (the Secret holds the key auth names)";
  public static final String PASSWORD_USER_MESSAGE = "nats: auth: password needs user";
  public static final String CLIENT_CERTIFICATE_MESSAGE =
      "nats: clientCertificate needs tlsSecret (with tls.crt and tls.key)";

  @Required
  @Pattern(URL_PATTERN)
  @JsonPropertyDescription(
      "NATS URL (nats://, tls://, ws:// or wss://), e.g. nats://nats.vask-system:4222;"
          + " comma-separate several.")
  public String url;

  @JsonPropertyDescription(
      "How the gateway proves itself to NATS, from credentialsSecret mounted as a file: password"
          + " (key `password`, with user), token (key `token`), nkey (key `nkey`, a user NKey"
          + " seed) or creds (key `creds`, a .creds file).")
  @Pattern("^(password|token|nkey|creds)$")
  public String auth;

  @JsonPropertyDescription("NATS user name, with auth: password.")
  public String user;

  @JsonPropertyDescription("Secret holding the key that auth names; mounted read-only, never env.")
  public String credentialsSecret;

  @JsonPropertyDescription(
      "Secret with TLS files for NATS: `ca.crt`, and with clientCertificate `tls.crt` and `tls.key`"
          + " (PKCS#8 PEM; cert-manager: privateKey.encoding PKCS8).")
  public String tlsSecret;

  @JsonPropertyDescription(
      "Present tls.crt/tls.key of tlsSecret to NATS servers that verify clients.")
  public Boolean clientCertificate;

  public NatsSpec() {}

  public NatsSpec(String url) {
    this.url = url;
  }

  /** What about NATS access needs new pods when it changes; empty without credentials or TLS. */
  public String accessIdentity() {
    if (auth == null && tlsSecret == null) {
      return "";
    }
    return ";auth="
        + auth
        + ";user="
        + user
        + ";secret="
        + credentialsSecret
        + ";tls="
        + tlsSecret
        + ";client="
        + Boolean.TRUE.equals(clientCertificate);
  }
}
