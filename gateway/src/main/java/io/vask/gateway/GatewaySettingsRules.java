package io.vask.gateway;

import static io.vask.gateway.GatewaySettings.APPS_FILE;
import static io.vask.gateway.GatewaySettings.APP_ID;
import static io.vask.gateway.GatewaySettings.APP_KEY;
import static io.vask.gateway.GatewaySettings.APP_SECRET;
import static io.vask.gateway.GatewaySettings.TLS_CERT;
import static io.vask.gateway.GatewaySettings.TLS_KEY;

import io.vask.contract.rules.AppId;
import io.vask.contract.settings.SettingCatalog;
import io.vask.contract.settings.SettingValues;

/** Checks across gateway settings: where the apps come from, and TLS files as a pair. */
final class GatewaySettingsRules {
  private GatewaySettingsRules() {}

  static void check(SettingCatalog.Reading reading) {
    appSource(reading);
    tls(reading);
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
