package io.vask.operator.main;

import static io.vask.contract.settings.SettingType.flag;
import static io.vask.contract.settings.SettingType.integer;
import static io.vask.contract.settings.SettingType.text;

import io.vask.contract.settings.Setting;
import io.vask.contract.settings.SettingCatalog;
import io.vask.contract.settings.SettingType;
import io.vask.contract.settings.SettingValues;
import io.vask.operator.web.RegistrationSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code VASK_REGISTRATION_*}: the SSH-key registration endpoint (docs/cli.md), off by default. */
final class RegistrationEnvironment {
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  static final Setting<Boolean> ENABLED =
      Setting.of("VASK_REGISTRATION_ENABLED", flag(), false, "serve the registration endpoint");
  static final Setting<Set<String>> ALLOW =
      Setting.of(
              "VASK_REGISTRATION_ALLOW",
              allowList(),
              Set.<String>of(),
              "GitHub users and `org:NAME` entries who may register (required when enabled)")
          .defaultShownAs("—");
  static final Setting<String> NAMESPACE_SETTING =
      Setting.of(
          "VASK_REGISTRATION_NAMESPACE",
          text(),
          null,
          "namespace registered VaskApps go to (a DNS label; required when enabled)");
  static final Setting<Integer> PORT =
      Setting.of(
          "VASK_REGISTRATION_PORT",
          integer(1, 65_535),
          RegistrationSettings.DEFAULT_PORT,
          "port of the registration endpoint");
  static final Setting<String> KEYS_URL =
      Setting.of(
          "VASK_REGISTRATION_KEYS_URL",
          text(),
          RegistrationSettings.DEFAULT_KEYS_URL,
          "where a user's public keys are, `{user}` replaced");
  static final Setting<String> ORG_MEMBERS_URL =
      Setting.of(
          "VASK_REGISTRATION_ORG_MEMBERS_URL",
          text(),
          RegistrationSettings.DEFAULT_ORG_MEMBERS_URL,
          "answers 2xx when `{user}` is a public member of `{org}`");
  static final Setting<Integer> CHALLENGE_SECONDS =
      Setting.of(
          "VASK_REGISTRATION_CHALLENGE_SECONDS",
          integer(1, Integer.MAX_VALUE),
          RegistrationSettings.DEFAULT_CHALLENGE_SECONDS,
          "how long a challenge stays valid");
  static final Setting<Integer> RATE_PER_MINUTE =
      Setting.of(
          "VASK_REGISTRATION_RATE_PER_MINUTE",
          integer(1, Integer.MAX_VALUE),
          RegistrationSettings.DEFAULT_PER_MINUTE,
          "requests allowed per user and per client address in a minute");

  static final Setting<?>[] ALL = {
    ENABLED,
    ALLOW,
    NAMESPACE_SETTING,
    PORT,
    KEYS_URL,
    ORG_MEMBERS_URL,
    CHALLENGE_SECONDS,
    RATE_PER_MINUTE
  };

  private RegistrationEnvironment() {}

  /** The endpoint's settings; an enabled endpoint needs an allow list and a namespace. */
  static RegistrationSettings read(SettingCatalog.Reading reading) {
    SettingValues v = reading.values();
    if (!v.get(ENABLED)) {
      return RegistrationSettings.disabled();
    }
    if (v.get(ALLOW).isEmpty()) {
      reading.problem("VASK_REGISTRATION_ALLOW is empty (expected GitHub users and/or org:NAME)");
    }
    String namespace = v.get(NAMESPACE_SETTING) == null ? "" : v.get(NAMESPACE_SETTING);
    if (!NAMESPACE.matcher(namespace).matches()) {
      reading.problem(
          "VASK_REGISTRATION_NAMESPACE \"" + namespace + "\" is invalid (expected a DNS label)");
    }
    return new RegistrationSettings(
        true,
        v.get(PORT),
        v.get(ALLOW),
        namespace,
        v.get(KEYS_URL),
        v.get(ORG_MEMBERS_URL),
        Duration.ofSeconds(v.get(CHALLENGE_SECONDS)),
        v.get(RATE_PER_MINUTE));
  }

  private static SettingType<Set<String>> allowList() {
    return SettingType.of(
        raw -> {
          var allow = new LinkedHashSet<String>();
          Arrays.stream(raw.split(","))
              .map(entry -> entry.trim().toLowerCase(Locale.ROOT))
              .filter(entry -> !entry.isEmpty())
              .forEach(allow::add);
          return Set.copyOf(allow);
        },
        "GitHub users, `org:NAME`, comma-separated");
  }
}
