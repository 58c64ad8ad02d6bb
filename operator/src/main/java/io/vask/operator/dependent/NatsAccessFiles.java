package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.vask.operator.model.NatsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The NATS credentials and TLS Secrets of a VaskApp as read-only files in the gateway pod, and the
 * {@code VASK_NATS_*} variables naming them: a secret never becomes an environment value.
 */
final class NatsAccessFiles {
  static final String AUTH_DIR = "/etc/vask/nats/auth";
  static final String TLS_DIR = "/etc/vask/nats/tls";
  private static final Map<String, String> AUTH_ENV =
      Map.of(
          "password", "VASK_NATS_PASSWORD_FILE",
          "token", "VASK_NATS_TOKEN_FILE",
          "nkey", "VASK_NATS_NKEY_FILE",
          "creds", "VASK_NATS_CREDS_FILE");

  private NatsAccessFiles() {}

  static List<Volume> volumes(NatsSpec nats) {
    var volumes = new ArrayList<Volume>();
    if (hasAuth(nats)) {
      volumes.add(
          new VolumeBuilder()
              .withName("nats-auth")
              .withNewSecret()
              .withSecretName(nats.credentialsSecret)
              .withItems(new KeyToPath(nats.auth, null, nats.auth))
              .endSecret()
              .build());
    }
    if (nats.tlsSecret != null) {
      var items = new ArrayList<KeyToPath>(List.of(new KeyToPath("ca.crt", null, "ca.crt")));
      if (Boolean.TRUE.equals(nats.clientCertificate)) {
        items.add(new KeyToPath("tls.crt", null, "tls.crt"));
        items.add(new KeyToPath("tls.key", null, "tls.key"));
      }
      volumes.add(
          new VolumeBuilder()
              .withName("nats-tls")
              .withNewSecret()
              .withSecretName(nats.tlsSecret)
              .withItems(items)
              .endSecret()
              .build());
    }
    return volumes;
  }

  static List<VolumeMount> mounts(NatsSpec nats) {
    var mounts = new ArrayList<VolumeMount>();
    if (hasAuth(nats)) {
      mounts.add(mount("nats-auth", AUTH_DIR));
    }
    if (nats.tlsSecret != null) {
      mounts.add(mount("nats-tls", TLS_DIR));
    }
    return mounts;
  }

  static List<EnvVar> env(NatsSpec nats) {
    var env = new ArrayList<EnvVar>();
    if (hasAuth(nats)) {
      if ("password".equals(nats.auth) && nats.user != null) {
        env.add(new EnvVar("VASK_NATS_USER", nats.user, null));
      }
      env.add(new EnvVar(AUTH_ENV.get(nats.auth), AUTH_DIR + "/" + nats.auth, null));
    }
    if (nats.tlsSecret != null) {
      env.add(new EnvVar("VASK_NATS_TLS_CA", TLS_DIR + "/ca.crt", null));
      if (Boolean.TRUE.equals(nats.clientCertificate)) {
        env.add(new EnvVar("VASK_NATS_TLS_CERT", TLS_DIR + "/tls.crt", null));
        env.add(new EnvVar("VASK_NATS_TLS_KEY", TLS_DIR + "/tls.key", null));
      }
    }
    return env;
  }

  private static boolean hasAuth(NatsSpec nats) {
    return nats.auth != null && nats.credentialsSecret != null && AUTH_ENV.containsKey(nats.auth);
  }

  private static VolumeMount mount(String name, String path) {
    return new VolumeMountBuilder().withName(name).withMountPath(path).withReadOnly(true).build();
  }
}
