package io.vask.operator.web;

import io.vask.operator.plan.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registration use case: a challenge for an allowed user, then a registration whose SSHSIG
 * signature (namespace vask-register) over that challenge verifies with one of the user's published
 * keys. Every request is rate-limited per user and per client address.
 */
public final class Registration {
  public static final String NAMESPACE = "vask-register";
  public static final int ADDRESS_FACTOR = 4;
  private static final Logger LOG = LoggerFactory.getLogger(Registration.class);
  private static final Pattern GITHUB_LOGIN =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

  private final RateLimiter perUser;
  private final RateLimiter perAddress;
  private final AllowList allowList;
  private final Challenges challenges;
  private final GitHub gitHub;
  private final AppRegistrar registrar;

  public Registration(
      RateLimiter perUser,
      RateLimiter perAddress,
      AllowList allowList,
      Challenges challenges,
      GitHub gitHub,
      AppRegistrar registrar) {
    this.perUser = perUser;
    this.perAddress = perAddress;
    this.allowList = allowList;
    this.challenges = challenges;
    this.gitHub = gitHub;
    this.registrar = registrar;
  }

  public Challenges.Issued challenge(String user, String address) {
    admit(user, address);
    return challenges.issue(user);
  }

  public Credentials register(String user, String challenge, String armored, String address) {
    admit(user, address);
    challenges.consume(user, challenge);
    SshSignature signature = SshSignature.parse(armored);
    if (!NAMESPACE.equals(signature.namespace())) {
      throw new RegistrationRefused(401, "the signature's namespace must be " + NAMESPACE);
    }
    boolean published =
        gitHub.publishedKeys(user).stream()
            .anyMatch(key -> java.util.Arrays.equals(key, signature.publicKey()));
    if (!published) {
      throw new RegistrationRefused(403, "the key is not among " + user + "'s published keys");
    }
    byte[] signed = signature.signedData(challenge.getBytes(StandardCharsets.UTF_8));
    if (!SshPublicKey.parse(signature.publicKey()).verifies(signature.signature(), signed)) {
      throw new RegistrationRefused(401, "the signature does not verify");
    }
    Credentials credentials = registrar.register(user, address);
    LOG.info(
        "registered app {} for GitHub user {} from {} (app id {})",
        AppRegistrar.appName(user),
        user,
        address,
        credentials.appId());
    return credentials;
  }

  private void admit(String user, String address) {
    if (user == null || !GITHUB_LOGIN.matcher(user).matches()) {
      throw new RegistrationRefused(400, "expected a GitHub user name");
    }
    perAddress.acquire(address);
    perUser.acquire(user.toLowerCase(java.util.Locale.ROOT));
    allowList.check(user);
  }
}
