package io.vask.cli.command;

import io.vask.cli.CliException;
import io.vask.cli.Console;
import io.vask.cli.ExitCodes;
import io.vask.cli.config.EndpointOptions;
import io.vask.contract.signing.Signatures;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vask webhook verify}: X-Pusher-Signature = HMAC-SHA256(secret, body) in hex. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check a saved webhook body against its X-Pusher-Signature header.",
      "Prints 'valid' and exits 0, or reports 'invalid signature' and exits 1."
    })
public final class WebhookVerifyCommand implements Callable<Integer> {
  private final Console console;

  @Mixin EndpointOptions endpoint;

  @Option(
      names = "--signature",
      required = true,
      description = "The X-Pusher-Signature header value (hex HMAC-SHA256 of the body).")
  String signature;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "The raw request body; '-' or omitted reads stdin.")
  String file;

  public WebhookVerifyCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    byte[] body = Input.bytes(console, file);
    String expected = Signatures.hmacSha256Hex(endpoint.secret(console), body);
    if (!Signatures.constantTimeEquals(
        expected, signature.trim().toLowerCase(java.util.Locale.ROOT))) {
      throw CliException.failed("invalid signature");
    }
    console.out().println("valid");
    return ExitCodes.OK;
  }
}
