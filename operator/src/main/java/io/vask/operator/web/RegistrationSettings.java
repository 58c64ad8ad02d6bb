package io.vask.operator.web;

import java.time.Duration;
import java.util.Set;

/**
 * The registration endpoint's settings ({@code VASK_REGISTRATION_*}, docs/cli.md).
 *
 * @param allow GitHub user names and {@code org:NAME} entries, lower-cased
 * @param keysUrl where a user's public keys are, {@code {user}} replaced
 * @param orgMembersUrl answers 2xx when {@code {user}} is a public member of {@code {org}}
 * @param perMinute requests allowed per user and per client address in a minute
 */
public record RegistrationSettings(
    boolean enabled,
    int port,
    Set<String> allow,
    String namespace,
    String keysUrl,
    String orgMembersUrl,
    Duration challengeTtl,
    int perMinute) {

  public static final int DEFAULT_PORT = 8081;
  public static final String DEFAULT_KEYS_URL = "https://github.com/{user}.keys";
  public static final String DEFAULT_ORG_MEMBERS_URL =
      "https://api.github.com/orgs/{org}/public_members/{user}";
  public static final int DEFAULT_CHALLENGE_SECONDS = 300;
  public static final int DEFAULT_PER_MINUTE = 10;

  public static RegistrationSettings disabled() {
    return new RegistrationSettings(
        false,
        DEFAULT_PORT,
        Set.of(),
        "",
        DEFAULT_KEYS_URL,
        DEFAULT_ORG_MEMBERS_URL,
        Duration.ofSeconds(DEFAULT_CHALLENGE_SECONDS),
        DEFAULT_PER_MINUTE);
  }
}
