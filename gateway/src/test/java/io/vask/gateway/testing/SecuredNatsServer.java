package io.vask.gateway.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code nats-server} that requires TLS with client certificates and has two accounts, as a
 * platform team runs it for several tenants: {@code TEAM_A} (user {@code alice}, and a user NKey)
 * and {@code TEAM_B} (user {@code bob}). The CA and certificates are made with the openssl CLI at
 * start; the files are in {@link #dir}.
 */
public final class SecuredNatsServer implements AutoCloseable {
  public static final String ALICE_PASSWORD = "alice-secret-pw";
  public static final String BOB_PASSWORD = "bob-secret-pw";
  public final Path dir;
  public final int port;
  private final Process process;

  private SecuredNatsServer(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /** Starts the server; {@code nkeyPublic} is the public key of TEAM_A's NKey user. */
  public static SecuredNatsServer start(String nkeyPublic) throws Exception {
    Path dir = Files.createTempDirectory("vask-secured-nats");
    certificates(dir);
    int port = NatsServer.freePort();
    Path config = dir.resolve("nats.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "listen: \"127.0.0.1:" + port + "\"",
            "jetstream { store_dir: \"" + dir.resolve("store") + "\" }",
            "tls {",
            "  cert_file: \"" + dir.resolve("server.pem") + "\"",
            "  key_file: \"" + dir.resolve("server-key.pem") + "\"",
            "  ca_file: \"" + dir.resolve("ca.pem") + "\"",
            "  verify: true",
            "  timeout: 5",
            "}",
            "accounts {",
            "  TEAM_A: { jetstream: enabled, users: [",
            "    {user: alice, password: \"" + ALICE_PASSWORD + "\"},",
            "    {nkey: \"" + nkeyPublic + "\"} ] }",
            "  TEAM_B: { jetstream: enabled, users: [",
            "    {user: bob, password: \"" + BOB_PASSWORD + "\"} ] }",
            "}",
            ""));
    Process process =
        new ProcessBuilder("/usr/sbin/nats-server", "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nats.log").toFile())
            .start();
    SecuredNatsServer server = new SecuredNatsServer(dir, port, process);
    await().atMost(Duration.ofSeconds(20)).until(server::accepting);
    return server;
  }

  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  public Path file(String name) {
    return dir.resolve(name);
  }

  /** Writes {@code text} to a file of {@link #dir} (a mounted Secret would be such a file). */
  public Path secretFile(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void certificates(Path dir) throws Exception {
    Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
    openssl(
        dir,
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca-key.pem",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=vask-test-ca");
    for (String who : List.of("server", "client")) {
      openssl(
          dir,
          "req",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-keyout",
          who + "-key.pem",
          "-out",
          who + ".csr",
          "-subj",
          "/CN=vask-test-" + who);
      openssl(
          dir,
          "x509",
          "-req",
          "-in",
          who + ".csr",
          "-CA",
          "ca.pem",
          "-CAkey",
          "ca-key.pem",
          "-CAcreateserial",
          "-out",
          who + ".pem",
          "-days",
          "2",
          "-extfile",
          who + ".ext");
    }
  }

  private static void openssl(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("openssl.log").toFile()))
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl " + args[0] + " failed, see openssl.log in " + dir);
    }
  }

  private boolean accepting() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
