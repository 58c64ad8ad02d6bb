package io.vask.operator.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Releasing the Lease on shutdown: only when this process holds it. */
@EnableKubernetesMockClient(crud = true)
class LeaderLeaseTest {
  KubernetesClient client;

  @Test
  void holderReleasesItsLease() {
    client.resource(lease("vask-operator-0")).create();

    assertThat(new LeaderLease("test", "vask-operator-0").release(client)).isTrue();

    var spec = current().getSpec();
    assertThat(spec.getHolderIdentity()).isEmpty();
    assertThat(spec.getLeaseDurationSeconds()).isEqualTo(1);
    assertThat(spec.getLeaseTransitions()).isEqualTo(3);
  }

  @Test
  void anotherHoldersLeaseIsLeftAlone() {
    client.resource(lease("vask-operator-1")).create();
    String version = current().getMetadata().getResourceVersion();

    assertThat(new LeaderLease("test", "vask-operator-0").release(client)).isFalse();

    assertThat(current().getSpec().getHolderIdentity()).isEqualTo("vask-operator-1");
    assertThat(current().getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void noLeaseNothingToRelease() {
    assertThat(new LeaderLease("test", "vask-operator-0").release(client)).isFalse();
  }

  private Lease current() {
    return client.leases().inNamespace("test").withName(LeaderLease.NAME).get();
  }

  private static Lease lease(String holder) {
    var now = ZonedDateTime.now();
    return new LeaseBuilder()
        .withNewMetadata()
        .withName(LeaderLease.NAME)
        .withNamespace("test")
        .endMetadata()
        .withNewSpec()
        .withHolderIdentity(holder)
        .withLeaseDurationSeconds(15)
        .withAcquireTime(now)
        .withRenewTime(now)
        .withLeaseTransitions(3)
        .endSpec()
        .build();
  }
}
