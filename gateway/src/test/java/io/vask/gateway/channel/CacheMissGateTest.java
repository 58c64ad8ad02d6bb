package io.vask.gateway.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheMissGateTest {
  @Test
  void oneReportPerChannelPerWindowUntilPopulated() {
    CacheMissGate gate = new CacheMissGate(60_000);
    assertThat(gate.report("1", "cache-a", 0)).isTrue();
    assertThat(gate.report("1", "cache-a", 59_999)).isFalse();
    assertThat(gate.report("1", "cache-b", 1)).isTrue();
    assertThat(gate.report("2", "cache-a", 1)).isTrue();
    assertThat(gate.report("1", "cache-a", 60_000)).isTrue();
    gate.populated("1", "cache-a");
    assertThat(gate.report("1", "cache-a", 60_001)).isTrue();
  }

  @Test
  void forgetsChannelsOnceTheirWindowHasPassed() {
    CacheMissGate gate = new CacheMissGate(1000);
    for (int i = 0; i < 100; i++) {
      gate.report("1", "cache-" + i, 10);
    }
    assertThat(gate.size()).isEqualTo(100);
    gate.report("1", "cache-new", 2000);
    assertThat(gate.size()).isEqualTo(1);
  }
}
