package io.vask.gateway.cluster.nats;

import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a node proves itself to NATS: at most one of user and password, token, NKey seed or {@code
 * .creds} file (JWT), and optionally TLS with a CA and a client certificate. Secrets are named by
 * file (Kubernetes mounts them from Secrets), so none is held as a string, put in the environment
 * or logged; {@link #toString} shows paths only.
 */
public record NatsAccess(
    String user,
    Path passwordFile,
    Path tokenFile,
    Path nkeySeedFile,
    Path credsFile,
    Path tlsCa,
    Path tlsCert,
    Path tlsKey) {

  /** No credentials and no TLS (the NATS URL may still carry them). */
  public static final NatsAccess NONE =
      new NatsAccess(null, null, null, null, null, null, null, null);

  /** Puts the credentials and the TLS context into {@code options}. */
  void apply(Options.Builder options) throws IOException {
    if (user != null) {
      // jnats keeps the arrays for reconnects: they are not cleared here
      options.userInfo(
          user.toCharArray(), passwordFile == null ? new char[0] : secret(passwordFile));
    }
    if (tokenFile != null) {
      options.token(secret(tokenFile));
    }
    if (nkeySeedFile != null) {
      options.authHandler(Nats.staticCredentials(null, seed(nkeySeedFile)));
    }
    if (credsFile != null) {
      options.authHandler(Nats.credentials(credsFile.toString()));
    }
    if (tlsCa != null || tlsCert != null) {
      options.sslContext(PemTls.context(tlsCa, tlsCert, tlsKey));
    }
  }

  private static char[] secret(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
  }

  /** The seed line of an NKey seed file (as {@code nk -gen user} writes it). */
  private static char[] seed(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> line.startsWith("S") && !line.startsWith("-"))
        .findFirst()
        .orElseThrow(() -> new IOException("no NKey seed in " + file))
        .toCharArray();
  }
}
