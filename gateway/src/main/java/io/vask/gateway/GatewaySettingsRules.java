package io.vask.gateway;

import static io.vask.gateway.GatewaySettings.APPS_FILE;
import static io.vask.gateway.GatewaySettings.APP_ID;
import static io.vask.gateway.GatewaySettings.APP_KEY;
import static io.vask.gateway.GatewaySettings.APP_SECRET;
import static io.vask.gateway.GatewaySettings.NATS_CREDS_FILE;
import static io.vask.gateway.GatewaySettings.NATS_NKEY_FILE;
import static io.vask.gateway.GatewaySettings.NATS_PASSWORD_FILE;
import static io.vask.gateway.GatewaySettings.NATS_TLS_CERT;
import static io.vask.gateway.GatewaySettings.NATS_TLS_KEY;
import static io.vask.gateway.GatewaySettings.NATS_TOKEN_FILE;
import static io.vask.gateway.GatewaySettings.NATS_URL;
import static io.vask.gateway.GatewaySettings.NATS_USER;
import static io.vask.gateway.GatewaySettings.TLS_CERT;
import static io.vask.gateway.GatewaySettings.TLS_KEY;

import io.vask.contract.rules.AppId;
import io.vask.contract.settings.Setting;
import io.vask.contract.settings.SettingCatalog;
import io.vask.contract.settings.SettingValues;
import io.vask.gateway.cluster.ClusterBounds;
import io.vask.gateway.webhook.RetryPolicy;
import java.time.Duration;
import java.util.List;

/**
 * Checks across gateway settings: where the apps come from, TLS files as a pair, one way of proving
 * the node to NATS, and the webhook stream's bounds against the retry span and the outage buffer.
 */
final class GatewaySettingsRules {
  private GatewaySettingsRules() {}

  static void check(SettingCatalog.Reading reading) {
    appSource(reading);
    tls(reading);
    nats(reading);
    clusterBounds(reading);
  }

  /**
   * The webhook stream keeps an event through its whole retry span and a margin; what a gateway
   * buffers during an outage must fit in the stream it is flushed into.
   */
  private static void clusterBounds(SettingCatalog.Reading reading) {
    SettingValues v = reading.values();
    Duration minAge = RetryPolicy.PUSHER.span().plus(ClusterBounds.STREAM_AGE_MARGIN);
    Integer age = v.get(ClusterBounds.STREAM_MAX_AGE_SECONDS);
    if (age != null && age < minAge.toSeconds()) {
      reading.problem(
          "VASK_WEBHOOK_STREAM_MAX_AGE_SECONDS="
              + age
              + " is below the webhook retry span plus a margin ("
              + minAge.toSeconds()
              + " s): events would leave the stream while still being retried");
    }
    Integer buffer = v.get(ClusterBounds.WEBHOOK_BUFFER_BYTES);
    Integer stream = v.get(ClusterBounds.STREAM_MAX_BYTES);
    if (buffer != null && stream != null && buffer > stream) {
      reading.problem(
          "VASK_CLUSTER_WEBHOOK_BUFFER_BYTES="
              + buffer
              + " exceeds VASK_WEBHOOK_STREAM_MAX_BYTES="
              + stream
              + ": what is buffered during an outage would not fit in the stream");
    }
  }

  private static void nats(SettingCatalog.Reading reading) {
    SettingValues v = reading.values();
    List<Setting<?>> natsOnly =
        List.of(
            NATS_USER,
            NATS_PASSWORD_FILE,
            NATS_TOKEN_FILE,
            NATS_NKEY_FILE,
            NATS_CREDS_FILE,
            NATS_TLS_CERT,
            NATS_TLS_KEY);
    if (v.get(NATS_URL) == null && natsOnly.stream().anyMatch(s -> v.get(s) != null)) {
      reading.problem("VASK_NATS_* credentials and TLS files need VASK_NATS_URL");
    }
    if ((v.get(NATS_USER) == null) != (v.get(NATS_PASSWORD_FILE) == null)
        && !v.named(NATS_PASSWORD_FILE)) {
      reading.problem("VASK_NATS_USER and VASK_NATS_PASSWORD_FILE must be set together");
    }
    long ways =
        List.of(NATS_USER, NATS_TOKEN_FILE, NATS_NKEY_FILE, NATS_CREDS_FILE).stream()
            .filter(s -> v.get(s) != null)
            .count();
    if (ways > 1) {
      reading.problem(
          "set one of VASK_NATS_USER, VASK_NATS_TOKEN_FILE, VASK_NATS_NKEY_FILE,"
              + " VASK_NATS_CREDS_FILE");
    }
    if ((v.get(NATS_TLS_CERT) == null) != (v.get(NATS_TLS_KEY) == null)
        && !(v.named(NATS_TLS_CERT) && v.named(NATS_TLS_KEY))) {
      reading.problem("VASK_NATS_TLS_CERT and VASK_NATS_TLS_KEY must be set together");
    }
  }

  private static void appSource(SettingCatalog.Reading reading) {
    SettingValues v = reading.values();
    boolean anyInline =
        v.get(APP_ID) != null || v.get(APP_KEY) != null || v.get(APP_SECRET) != null;
    boolean allInline =
        v.get(APP_ID) != null && v.get(APP_KEY) != null && v.get(APP_SECRET) != null;
    if (anyInline && !allInline) {
      reading.problem("VASK_APP_ID, VASK_APP_KEY and VASK_APP_SECRET must be set together");
    }
    if (allInline && v.get(APPS_FILE) != null) {
      reading.problem("set either VASK_APPS_FILE or VASK_APP_ID/KEY/SECRET, not both");
    }
    if (!anyInline && v.get(APPS_FILE) == null && !v.named(APPS_FILE)) {
      reading.problem(
          "no app configured: set VASK_APPS_FILE or VASK_APP_ID, VASK_APP_KEY, VASK_APP_SECRET");
    }
    if (v.get(APP_ID) != null && !AppId.isValid(v.get(APP_ID))) {
      reading.problem(
          "VASK_APP_ID=" + v.get(APP_ID) + " is invalid (expected " + AppId.EXPECTED + ")");
    }
  }

  private static void tls(SettingCatalog.Reading reading) {
    SettingValues v = reading.values();
    if ((v.get(TLS_CERT) == null) != (v.get(TLS_KEY) == null)
        && !(v.named(TLS_CERT) && v.named(TLS_KEY))) {
      reading.problem("VASK_TLS_CERT and VASK_TLS_KEY must be set together");
    }
  }
}
