package io.vask.operator.web;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Main's one line of wiring: the registration server when the settings turn it on. */
public final class Registrations {
  private static final Logger LOG = LoggerFactory.getLogger(Registrations.class);

  private Registrations() {}

  public static Optional<RegistrationServer> startIfEnabled(
      RegistrationSettings settings, KubernetesClient client) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    try {
      var server = RegistrationServer.start(settings, client, "0.0.0.0", Clock.systemUTC());
      LOG.info(
          "app registration on port {}: namespace {}, allowed {}",
          server.port(),
          settings.namespace(),
          settings.allow());
      return Optional.of(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the registration endpoint", e);
    }
  }
}
