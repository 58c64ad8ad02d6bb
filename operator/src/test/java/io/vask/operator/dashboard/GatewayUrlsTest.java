package io.vask.operator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vask.operator.VaskApps;
import io.vask.operator.model.Endpoints;
import io.vask.operator.model.VaskApp;
import io.vask.operator.model.VaskAppStatus;
import org.junit.jupiter.api.Test;

/** Where the list asks an app's gateway: its Service inside the cluster, or its status. */
class GatewayUrlsTest {

  @Test
  void theServiceAddressIsTheGatewayServicesNameAndPortEvenBehindAnIngress() {
    VaskApp chat = reconciled("https://ws.example.com");
    assertThat(GatewayUrls.SERVICE.of(chat)).hasValue("http://chat-gateway.web.svc:6001");
    assertThat(GatewayUrls.STATUS.of(chat)).hasValue("https://ws.example.com");
  }

  @Test
  void anAppWithoutEndpointsHasNoGatewayToAsk() {
    VaskApp fresh = VaskApps.named("fresh", "web");
    assertThat(GatewayUrls.SERVICE.of(fresh)).isEmpty();
    assertThat(GatewayUrls.STATUS.of(fresh)).isEmpty();
  }

  private static VaskApp reconciled(String httpApi) {
    VaskApp app = VaskApps.named("chat", "web");
    var status = new VaskAppStatus();
    status.endpoints = new Endpoints("wss://ws.example.com/app/k", httpApi);
    app.setStatus(status);
    return app;
  }
}
