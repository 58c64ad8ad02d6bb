package io.vask.cli;

/** A failure the CLI reports as one {@code vask: message} line on stderr and an exit code. */
public final class CliException extends RuntimeException {
  private final int exitCode;

  private CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public static CliException failed(String message) {
    return new CliException(ExitCodes.FAILED, message, null);
  }

  public static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message, null);
  }

  public static CliException connection(String message, Throwable cause) {
    return new CliException(ExitCodes.CONNECTION, message, cause);
  }

  public static CliException connection(String message) {
    return connection(message, null);
  }

  public int exitCode() {
    return exitCode;
  }
}
