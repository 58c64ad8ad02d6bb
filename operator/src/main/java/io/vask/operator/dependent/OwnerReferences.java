package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.vask.operator.model.VaskApp;
import java.util.List;

/** Owner references to a VaskApp, so Kubernetes' garbage collector removes children with it. */
final class OwnerReferences {
  private OwnerReferences() {}

  /** The same object, now owned by the app. */
  static <T extends HasMetadata> T owned(VaskApp app, T child) {
    child.getMetadata().setOwnerReferences(List.of(owner(app)));
    return child;
  }

  static OwnerReference owner(VaskApp app) {
    return new OwnerReferenceBuilder()
        .withApiVersion(HasMetadata.getApiVersion(VaskApp.class))
        .withKind(HasMetadata.getKind(VaskApp.class))
        .withName(app.getMetadata().getName())
        .withUid(app.getMetadata().getUid())
        .build();
  }
}
