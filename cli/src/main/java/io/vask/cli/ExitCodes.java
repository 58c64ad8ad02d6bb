package io.vask.cli;

/** The exit codes scripts rely on (docs/cli.md). */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;

  /** The operation failed or its input was invalid (a refused request, an invalid signature). */
  public static final int FAILED = 1;

  /** The command line is wrong: unknown option, missing argument, missing credentials. */
  public static final int USAGE = 2;

  /** The server cannot be reached, or it refused the credentials or a channel authorization. */
  public static final int CONNECTION = 3;

  private ExitCodes() {}
}
