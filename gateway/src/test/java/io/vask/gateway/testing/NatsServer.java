package io.vask.gateway.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code nats-server} with JetStream for a test class, on a free port with a temporary store
 * directory. {@link #restart} stops it and starts it again on the same port and store, as an outage
 * would.
 */
public final class NatsServer implements BeforeAllCallback, AfterAllCallback {
  private static final String BINARY = "/usr/sbin/nats-server";
  private int port;
  private Path store;
  private Process process;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    port = freePort();
    store = Files.createTempDirectory("vask-nats");
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
    try (Stream<Path> files = Files.walk(store)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  public String url() {
    return "nats://127.0.0.1:" + port;
  }

  public synchronized void start() throws IOException {
    process =
        new ProcessBuilder(
                BINARY,
                "-a",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-js",
                "-sd",
                store.toString())
            .redirectErrorStream(true)
            .redirectOutput(store.resolveSibling(store.getFileName() + ".log").toFile())
            .start();
    await().atMost(Duration.ofSeconds(20)).until(this::accepting);
  }

  public synchronized void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      process = null;
    }
  }

  public void restart() throws Exception {
    stop();
    start();
  }

  private boolean accepting() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
