package io.vask.contract;

import io.vask.contract.rules.AllowedOrigin;
import io.vask.contract.rules.AppId;
import io.vask.contract.rules.WebhookUrl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an apps file and lists every problem, each naming the app and what was expected. */
public final class AppsFileValidator {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-.]{1,128}");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+\\-.^_`|~]{1,128}");

  /** Headers the sender owns: a user value would break the request or forge its signature. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "host",
          "connection",
          "content-length",
          "content-type",
          "expect",
          "upgrade",
          "transfer-encoding",
          "te",
          "trailer",
          "keep-alive",
          "proxy-connection");

  public static final int MAX_MESSAGE_BYTES_CAP = 65_536;

  private AppsFileValidator() {}

  public static List<String> problems(AppsFile file) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < file.apps().size(); i++) {
      AppSettings app = file.apps().get(i);
      String where = "apps[" + i + "]";
      if (app == null) {
        problems.add(where + " is null");
        continue;
      }
      checkIdentity(app, where, ids, keys, problems);
      checkLimits(app.limits(), where, problems);
      range(problems, where, "cacheTtlSeconds", app.timings().cacheTtlSeconds(), 1, 86_400);
      range(
          problems,
          where,
          "activityTimeoutSeconds",
          app.timings().activityTimeoutSeconds(),
          1,
          3600);
      for (int w = 0; w < app.webhooks().size(); w++) {
        checkWebhook(app.webhooks().get(w), where + ".webhooks[" + w + "]", problems);
      }
    }
    return problems;
  }

  private static void checkLimits(AppLimits limits, String where, List<String> problems) {
    range(problems, where, "maxConnections", limits.maxConnections(), 0, Integer.MAX_VALUE);
    range(problems, where, "maxMessageBytes", limits.maxMessageBytes(), 1, MAX_MESSAGE_BYTES_CAP);
    range(problems, where, "clientEventsPerSecond", limits.clientEventsPerSecond(), 1, 10_000);
    range(problems, where, "maxPresenceMembers", limits.maxPresenceMembers(), 1, 100_000);
    range(problems, where, "maxChannelsPerTrigger", limits.maxChannelsPerTrigger(), 1, 100);
    range(problems, where, "maxEventsPerBatch", limits.maxEventsPerBatch(), 1, 1000);
    range(problems, where, "apiRequestsPerSecond", limits.apiRequestsPerSecond(), 0, 1_000_000);
    for (int i = 0; i < limits.allowedOrigins().size(); i++) {
      String origin = limits.allowedOrigins().get(i);
      if (!AllowedOrigin.isValid(origin)) {
        problems.add(
            where
                + ".allowedOrigins["
                + i
                + "] \""
                + origin
                + "\" is invalid (expected "
                + AllowedOrigin.EXPECTED
                + ")");
      }
    }
  }

  private static void checkIdentity(
      AppSettings app, String where, Set<String> ids, Set<String> keys, List<String> problems) {
    if (!AppId.isValid(app.id())) {
      problems.add(where + ".id \"" + app.id() + "\" is invalid (expected " + AppId.EXPECTED + ")");
    } else if (!ids.add(app.id())) {
      problems.add(where + ".id \"" + app.id() + "\" is used by another app");
    }
    if (app.key() == null || !KEY.matcher(app.key()).matches()) {
      problems.add(where + ".key is invalid (expected 1..128 chars of [A-Za-z0-9_-.])");
    } else if (!keys.add(app.key())) {
      problems.add(where + ".key \"" + app.key() + "\" is used by another app");
    }
    if (app.secret() == null || app.secret().isEmpty()) {
      problems.add(where + ".secret is missing");
    }
  }

  private static void checkWebhook(WebhookSettings hook, String where, List<String> problems) {
    if (hook == null) {
      problems.add(where + " is null");
      return;
    }
    if (!WebhookUrl.isValid(hook.url())) {
      problems.add(
          where + ".url \"" + hook.url() + "\" is invalid (expected " + WebhookUrl.EXPECTED + ")");
    }
    if (hook.events().isEmpty()) {
      problems.add(where + ".events is empty (expected at least one event type)");
    }
    for (String event : hook.events()) {
      if (WebhookEventType.fromWireName(event).isEmpty()) {
        problems.add(
            where
                + ".events has unknown type \""
                + event
                + "\" (expected channel_occupied, channel_vacated, member_added, member_removed,"
                + " client_event, cache_miss or subscription_count)");
      }
    }
    hook.headers().forEach((name, value) -> checkHeader(name, value, where, problems));
  }

  private static void checkHeader(String name, String value, String where, List<String> problems) {
    String field = where + ".headers[\"" + name + "\"]";
    if (name == null || !HEADER_NAME.matcher(name).matches()) {
      problems.add(field + " is not a valid header name (expected an HTTP token)");
    } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
        || name.toLowerCase(Locale.ROOT).startsWith("x-pusher-")) {
      problems.add(field + " is reserved (the webhook sender sets it)");
    }
    if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      problems.add(field + " has an invalid value (expected one line of text)");
    }
  }

  private static void range(
      List<String> problems, String where, String field, int value, int min, int max) {
    if (value < min || value > max) {
      problems.add(where + "." + field + " is " + value + " (expected " + min + ".." + max + ")");
    }
  }
}
