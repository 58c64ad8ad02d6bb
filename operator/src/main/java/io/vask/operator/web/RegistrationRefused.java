package io.vask.operator.web;

/** A refused registration request: the HTTP status and the reason the client is told. */
public final class RegistrationRefused extends RuntimeException {
  private final int status;

  public RegistrationRefused(int status, String reason) {
    super(reason);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
