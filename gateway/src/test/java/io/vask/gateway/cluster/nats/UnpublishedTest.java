package io.vask.gateway.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Events waiting to be stored while NATS is away: bounded in bytes, oldest evicted, one publish
 * each.
 */
class UnpublishedTest {
  private final Unpublished unpublished = new Unpublished(300);

  private static Unpublished.Entry entry(String id) {
    return new Unpublished.Entry(id, "app", "vask.webhooks.app", new byte[100]);
  }

  @Test
  void pastTheBoundTheOldestAreEvictedAndCounted() {
    for (String id : new String[] {"a", "b", "c"}) {
      assertThat(unpublished.add(entry(id))).isZero();
    }

    assertThat(unpublished.add(entry("d"))).isEqualTo(1);
    assertThat(unpublished.add(entry("e"))).isEqualTo(1);

    assertThat(unpublished.bytes()).isEqualTo(300);
    assertThat(unpublished.waiting())
        .extracting(Unpublished.Entry::id)
        .containsExactly("c", "d", "e");
  }

  @Test
  void anEventIsPublishedOnceAtATimeAndForgottenWhenStored() {
    Unpublished.Entry a = entry("a");
    unpublished.add(a);
    unpublished.add(entry("a"));

    assertThat(unpublished.count()).isEqualTo(1);
    assertThat(unpublished.startPublishing(a)).isTrue();
    assertThat(unpublished.startPublishing(a)).isFalse();
    assertThat(unpublished.waiting()).isEmpty();
    unpublished.failed(a);
    assertThat(unpublished.waiting()).containsExactly(a);
    assertThat(unpublished.forget(a)).isTrue();
    assertThat(unpublished.forget(a)).isFalse();
    assertThat(unpublished.bytes()).isZero();
    assertThat(unpublished.startPublishing(a)).isFalse();
  }
}
