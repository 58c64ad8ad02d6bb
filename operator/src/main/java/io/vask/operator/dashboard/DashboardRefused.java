package io.vask.operator.dashboard;

/** A request the dashboard answers with an error status and {@code {"error": message}}. */
public final class DashboardRefused extends RuntimeException {
  private final int status;

  public DashboardRefused(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
