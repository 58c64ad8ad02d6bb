package io.vask.operator.main;

import static io.vask.contract.settings.SettingType.flag;
import static io.vask.contract.settings.SettingType.oneOf;

import io.vask.contract.settings.InvalidSettings;
import io.vask.contract.settings.Setting;
import io.vask.contract.settings.SettingCatalog;
import io.vask.contract.settings.SettingType;
import io.vask.contract.settings.SettingValues;
import io.vask.operator.dashboard.DashboardSettings;
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
 * The operator's settings (ARCHITECTURE §6), each declared once below, plus the pod identity the
 * downward API provides for leader election ({@code POD_NAME}, {@code POD_NAMESPACE}).
 *
 * @param values the settings read from {@link #CATALOG}
 * @param registration the SSH-key registration endpoint ({@link RegistrationEnvironment})
 * @param dashboard the web dashboard ({@link DashboardEnvironment})
 */
public record OperatorSettings(
    SettingValues values,
    Optional<String> podName,
    Optional<String> podNamespace,
    RegistrationSettings registration,
    DashboardSettings dashboard) {

  public static final String DEFAULT_GATEWAY_IMAGE = "vask/gateway:0.1.0";
  public static final int DEFAULT_PORT = 8080;
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  public static final Setting<Set<String>> NAMESPACES =
      Setting.of(
              "VASK_OPERATOR_NAMESPACES",
              namespaceList(),
              Set.<String>of(),
              "comma-separated namespaces the operator watches")
          .defaultShownAs("all namespaces");
  public static final Setting<Integer> PORT =
      Setting.of(
          "VASK_OPERATOR_PORT",
          SettingType.port(),
          DEFAULT_PORT,
          "`/healthz`, `/ready` and `/metrics`");
  public static final Setting<Boolean> LEADER_ELECTION =
      Setting.of(
          "VASK_LEADER_ELECTION", flag(), true, "one active replica at a time, through a Lease");
  public static final Setting<String> GATEWAY_IMAGE =
      Setting.of(
          "VASK_GATEWAY_IMAGE",
          image(),
          DEFAULT_GATEWAY_IMAGE,
          "gateway image of VaskApps that name none");
  public static final Setting<String> DEFAULT_NATS_URL =
      Setting.of(
          "VASK_DEFAULT_NATS_URL", SettingType.natsUrls(), null, "NATS of VaskApps that name none");
  public static final Setting<Boolean> SERVER_SIDE_APPLY =
      Setting.of(
          "VASK_OPERATOR_SSA",
          flag(),
          true,
          "server-side apply for children and status; `false`: plain create/update/patch, for API"
              + " servers without it");
  public static final Setting<String> LOG_LEVEL =
      Setting.of(
          "VASK_LOG_LEVEL",
          oneOf(List.of("trace", "debug", "info", "warn", "error"), true),
          "info",
          "level of the operator's log (any case)");

  /** Every operator setting, in the order docs/configuration.md lists them. */
  public static final SettingCatalog CATALOG = catalog();

  /** Reads the settings; throws {@link InvalidSettings} listing every problem. */
  public static OperatorSettings from(Map<String, String> env) {
    SettingCatalog.Reading reading = CATALOG.read(env);
    RegistrationSettings registration = RegistrationEnvironment.read(reading);
    SettingValues values = reading.valuesOrThrow();
    return new OperatorSettings(
        values,
        value(env, "POD_NAME"),
        value(env, "POD_NAMESPACE"),
        registration,
        DashboardEnvironment.read(values));
  }

  private static SettingCatalog catalog() {
    List<Setting<?>> all =
        new ArrayList<>(
            List.of(
                NAMESPACES,
                PORT,
                LEADER_ELECTION,
                GATEWAY_IMAGE,
                DEFAULT_NATS_URL,
                SERVER_SIDE_APPLY,
                LOG_LEVEL));
    all.addAll(List.of(RegistrationEnvironment.ALL));
    all.addAll(List.of(DashboardEnvironment.ALL));
    return new SettingCatalog("VASK_", all);
  }

  public OperatorDefaults defaults() {
    return new OperatorDefaults(gatewayImage(), defaultNatsUrl());
  }

  /** Watched namespaces; empty means all. */
  public Set<String> namespaces() {
    return values.get(NAMESPACES);
  }

  public int port() {
    return values.get(PORT);
  }

  public boolean leaderElection() {
    return values.get(LEADER_ELECTION);
  }

  public String gatewayImage() {
    return values.get(GATEWAY_IMAGE);
  }

  public Optional<String> defaultNatsUrl() {
    return Optional.ofNullable(values.get(DEFAULT_NATS_URL));
  }

  public boolean serverSideApply() {
    return values.get(SERVER_SIDE_APPLY);
  }

  public String logLevel() {
    return values.get(LOG_LEVEL);
  }

  private static SettingType<Set<String>> namespaceList() {
    return SettingType.of(
        raw -> {
          var namespaces = new LinkedHashSet<String>();
          Arrays.stream(raw.split(","))
              .map(String::trim)
              .filter(ns -> !ns.isEmpty())
              .forEach(namespaces::add);
          List<String> bad =
              namespaces.stream().filter(ns -> !NAMESPACE.matcher(ns).matches()).toList();
          if (!bad.isEmpty()) {
            throw new SettingType.InvalidValue(
                " has invalid namespace \""
                    + String.join("\", \"", bad)
                    + "\" (expected a DNS label)");
          }
          return Set.copyOf(namespaces);
        },
        "DNS labels, comma-separated");
  }

  private static SettingType<String> image() {
    return SettingType.of(
        raw -> {
          if (raw.chars().anyMatch(Character::isWhitespace)) {
            throw SettingType.InvalidValue.expected(raw, "an image reference");
          }
          return raw;
        },
        "image reference");
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
