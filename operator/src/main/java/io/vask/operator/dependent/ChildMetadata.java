package io.vask.operator.dependent;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.vask.operator.model.VaskApp;
import io.vask.operator.plan.Labels;

/** Metadata shared by every child object: name, namespace and the operator's labels. */
final class ChildMetadata {
  private ChildMetadata() {}

  static ObjectMeta of(VaskApp app, String name, String component) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(app.getMetadata().getNamespace())
        .withLabels(Labels.of(app, component))
        .build();
  }

  static ResourceID id(VaskApp app, String name) {
    return new ResourceID(name, app.getMetadata().getNamespace());
  }
}
