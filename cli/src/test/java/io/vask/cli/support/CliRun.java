package io.vask.cli.support;

import io.vask.cli.Console;
import io.vask.cli.Vask;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@code vask ARGS} in-process with exactly the given environment (no HOME: no config file
 * leaks in) and captures its streams. {@link #start} runs it in the background for long commands.
 */
public final class CliRun {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Console console;

  private CliRun(Map<String, String> env, InputStream in) {
    this.console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            in,
            Map.copyOf(env));
  }

  /** The outcome of a finished command. */
  public record Result(int code, String out, String err) {}

  public static Result run(Map<String, String> env, String... args) {
    return runWithInput(env, "", args);
  }

  public static Result runWithInput(Map<String, String> env, String stdin, String... args) {
    var run = new CliRun(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    int code = Vask.run(args, run.console);
    return new Result(code, run.out(), run.err());
  }

  /** Starts {@code vask ARGS} on another thread; read its output while it runs. */
  public static Background start(Map<String, String> env, String... args) {
    var run = new CliRun(env, InputStream.nullInputStream());
    var code = CompletableFuture.supplyAsync(() -> Vask.run(args, run.console));
    return new Background(run, code);
  }

  /** A command running in the background. */
  public record Background(CliRun run, CompletableFuture<Integer> code) {
    public String out() {
      return run.out();
    }

    public String err() {
      return run.err();
    }
  }

  String out() {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  String err() {
    synchronized (err) {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  /** PUSHER_* variables for an app on a local gateway. */
  public static Map<String, String> pusherEnv(String id, String key, String secret, int port) {
    var env = new HashMap<String, String>();
    env.put("PUSHER_APP_ID", id);
    env.put("PUSHER_APP_KEY", key);
    env.put("PUSHER_APP_SECRET", secret);
    env.put("PUSHER_HOST", "127.0.0.1");
    env.put("PUSHER_PORT", Integer.toString(port));
    env.put("PUSHER_SCHEME", "http");
    return env;
  }
}
