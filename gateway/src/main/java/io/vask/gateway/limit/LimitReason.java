package io.vask.gateway.limit;

/** Why a limit refused something: the {@code reason} label of {@code vask_limit_refusals_total}. */
public enum LimitReason {
  POD_CONNECTIONS("pod_connections"),
  IP_CONNECTIONS("ip_connections"),
  IP_NEW_CONNECTIONS("ip_new_connections"),
  IP_TABLE_FULL("ip_table_full"),
  ORIGIN("origin"),
  SUBSCRIBE_RATE("subscribe_rate"),
  SIGNIN_RATE("signin_rate"),
  API_RATE("api_rate"),
  HANDSHAKE_TIMEOUT("handshake_timeout"),
  HTTP_IDLE_TIMEOUT("http_idle_timeout"),
  APP_DISABLED("app_disabled"),
  APP_REMOVED("app_removed");

  private final String label;

  LimitReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
