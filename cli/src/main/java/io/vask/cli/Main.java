package io.vask.cli;

/** Entry point of {@code vask-cli.jar} (run through the {@code ./vask} launcher). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = Vask.run(args, Console.system());
    System.out.flush();
    System.exit(code);
  }
}
