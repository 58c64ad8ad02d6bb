package io.vask.gateway.cluster.nats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequencesTest {
  private final Sequences sequences = new Sequences();

  @Test
  void eventsGoneFromTheStreamBeforeTheirConsumerReachedThemAreLost() {
    for (long seq = 1; seq <= 10; seq++) {
      sequences.add(seq);
    }
    // consumer handed out up to 3; the stream now starts at 8: 4..7 were never handed out
    assertThat(sequences.resolve(3, 8)).isEqualTo(new Sequences.Resolved(7, 4));
    // 8..10 still in the stream, above the consumer: kept
    assertThat(sequences.isEmpty()).isFalse();
    assertThat(sequences.resolve(10, 8)).isEqualTo(new Sequences.Resolved(3, 0));
    assertThat(sequences.isEmpty()).isTrue();
  }

  @Test
  void outOfOrderAcknowledgementsAndGrowthKeepEverySequence() {
    for (long seq = 2000; seq >= 1; seq--) {
      sequences.add(seq);
    }
    assertThat(sequences.resolve(0, 1001)).isEqualTo(new Sequences.Resolved(1000, 1000));
    for (long seq = 2001; seq <= 3000; seq++) {
      sequences.add(seq);
    }
    assertThat(sequences.resolve(2500, 0)).isEqualTo(new Sequences.Resolved(1500, 0));
    assertThat(sequences.resolve(2500, 3001)).isEqualTo(new Sequences.Resolved(500, 500));
    assertThat(sequences.isEmpty()).isTrue();
  }
}
