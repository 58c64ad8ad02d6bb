package io.vask.operator.main;

import io.vask.operator.model.NatsSpec;
import io.vask.operator.plan.OperatorDefaults;
import io.vask.operator.web.RegistrationSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operator's settings (ARCHITECTURE §6), plus the pod identity the downward API provides for
 * leader election ({@code POD_NAME}, {@code POD_NAMESPACE}).
 *
 * @param namespaces watched namespaces; empty means all
 */
public record OperatorSettings(
    Set<String> namespaces,
    int port,
    boolean leaderElection,
    String gatewayImage,
    Optional<String> defaultNatsUrl,
    boolean serverSideApply,
    Optional<String> podName,
    Optional<String> podNamespace,
    RegistrationSettings registration) {

  public static final String DEFAULT_GATEWAY_IMAGE = "vask/gateway:0.1.0";
  public static final int DEFAULT_PORT = 8080;
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern NATS_URL = Pattern.compile(NatsSpec.URL_PATTERN);

  public OperatorDefaults defaults() {
    return new OperatorDefaults(gatewayImage, defaultNatsUrl);
  }

  /** Reads the settings; throws {@link InvalidSettings} listing every problem. */
  public static OperatorSettings from(Map<String, String> env) {
    var problems = new ArrayList<String>();
    var namespaces = namespaces(value(env, "VASK_OPERATOR_NAMESPACES"), problems);
    int port = port(value(env, "VASK_OPERATOR_PORT"), problems);
    boolean leaderElection = flag(env, "VASK_LEADER_ELECTION", true, problems);
    boolean ssa = flag(env, "VASK_OPERATOR_SSA", true, problems);
    String image = value(env, "VASK_GATEWAY_IMAGE").orElse(DEFAULT_GATEWAY_IMAGE);
    if (image.chars().anyMatch(Character::isWhitespace)) {
      problems.add("VASK_GATEWAY_IMAGE \"" + image + "\" is invalid (expected an image reference)");
    }
    var natsUrl = value(env, "VASK_DEFAULT_NATS_URL");
    if (natsUrl.isPresent() && !NATS_URL.matcher(natsUrl.get()).matches()) {
      problems.add(
          "VASK_DEFAULT_NATS_URL \""
              + natsUrl.get()
              + "\" is invalid (expected nats://, tls://, ws:// or wss://host:port)");
    }
    var registration = registration(env, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSettings(problems);
    }
    return new OperatorSettings(
        namespaces,
        port,
        leaderElection,
        image,
        natsUrl,
        ssa,
        value(env, "POD_NAME"),
        value(env, "POD_NAMESPACE"),
        registration);
  }

  /** {@code VASK_REGISTRATION_*}: the SSH-key registration endpoint, off by default. */
  private static RegistrationSettings registration(Map<String, String> env, List<String> problems) {
    var defaults = RegistrationSettings.disabled();
    if (!flag(env, "VASK_REGISTRATION_ENABLED", false, problems)) {
      return defaults;
    }
    var allow = new LinkedHashSet<String>();
    value(env, "VASK_REGISTRATION_ALLOW")
        .ifPresent(
            list ->
                Arrays.stream(list.split(","))
                    .map(entry -> entry.trim().toLowerCase(java.util.Locale.ROOT))
                    .filter(entry -> !entry.isEmpty())
                    .forEach(allow::add));
    if (allow.isEmpty()) {
      problems.add("VASK_REGISTRATION_ALLOW is empty (expected GitHub users and/or org:NAME)");
    }
    String namespace = value(env, "VASK_REGISTRATION_NAMESPACE").orElse("");
    if (!NAMESPACE.matcher(namespace).matches()) {
      problems.add(
          "VASK_REGISTRATION_NAMESPACE \"" + namespace + "\" is invalid (expected a DNS label)");
    }
    return new RegistrationSettings(
        true,
        port("VASK_REGISTRATION_PORT", RegistrationSettings.DEFAULT_PORT, env, problems),
        Set.copyOf(allow),
        namespace,
        value(env, "VASK_REGISTRATION_KEYS_URL").orElse(RegistrationSettings.DEFAULT_KEYS_URL),
        value(env, "VASK_REGISTRATION_ORG_MEMBERS_URL")
            .orElse(RegistrationSettings.DEFAULT_ORG_MEMBERS_URL),
        java.time.Duration.ofSeconds(
            positive(
                env,
                "VASK_REGISTRATION_CHALLENGE_SECONDS",
                defaults.challengeTtl().toSeconds(),
                problems)),
        (int) positive(env, "VASK_REGISTRATION_RATE_PER_MINUTE", defaults.perMinute(), problems));
  }

  private static int port(
      String name, int fallback, Map<String, String> env, List<String> problems) {
    long port = positive(env, name, fallback, problems);
    if (port > 65_535) {
      problems.add(name + " \"" + port + "\" is invalid (expected 1..65535)");
    }
    return (int) port;
  }

  private static long positive(
      Map<String, String> env, String name, long fallback, List<String> problems) {
    var raw = value(env, name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(raw.get());
      if (parsed > 0 && parsed <= Integer.MAX_VALUE) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " \"" + raw.get() + "\" is invalid (expected a positive number)");
    return fallback;
  }

  private static Set<String> namespaces(Optional<String> raw, List<String> problems) {
    var namespaces = new LinkedHashSet<String>();
    raw.ifPresent(
        list ->
            Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(ns -> !ns.isEmpty())
                .forEach(
                    ns -> {
                      if (NAMESPACE.matcher(ns).matches()) {
                        namespaces.add(ns);
                      } else {
                        problems.add(
                            "VASK_OPERATOR_NAMESPACES has invalid namespace \""
                                + ns
                                + "\" (expected a DNS label)");
                      }
                    }));
    return Set.copyOf(namespaces);
  }

  private static int port(Optional<String> raw, List<String> problems) {
    if (raw.isEmpty()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(raw.get());
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("VASK_OPERATOR_PORT \"" + raw.get() + "\" is invalid (expected 0..65535)");
    return DEFAULT_PORT;
  }

  private static boolean flag(
      Map<String, String> env, String name, boolean fallback, List<String> problems) {
    var raw = value(env, name);
    if (raw.isEmpty()) {
      return fallback;
    }
    return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.add(name + " \"" + raw.get() + "\" is invalid (expected true or false)");
        yield fallback;
      }
    };
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** Every problem of the environment, listed at once. */
  public static final class InvalidSettings extends RuntimeException {
    private final List<String> problems;

    public InvalidSettings(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
