package io.vask.contract.settings;

import java.util.List;

/** Every problem of an environment, listed at once. */
public final class InvalidSettings extends RuntimeException {
  private final List<String> problems;

  public InvalidSettings(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
