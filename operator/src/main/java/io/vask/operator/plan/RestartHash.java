package io.vask.operator.plan;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hash of the values that can only take effect in new pods: image, NATS URL and resources. App
 * settings, webhooks and credentials are deliberately absent: they reach running pods through the
 * hot-reloaded apps file, and restarting pods for them would drop every socket.
 */
public final class RestartHash {
  private RestartHash() {}

  public static String of(String image, Optional<String> natsUrl, ResourceRequirements resources) {
    String identity =
        "image="
            + image
            + "\nnats="
            + natsUrl.orElse("")
            + "\nresources="
            + (resources == null
                ? ""
                : sorted(resources.getRequests()) + ";" + sorted(resources.getLimits()));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Key order in the user's YAML must not count as a change. */
  private static String sorted(Map<String, Quantity> quantities) {
    return quantities == null ? "" : new TreeMap<>(quantities).toString();
  }
}
