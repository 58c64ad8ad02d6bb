package io.vask.gateway.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateWindowTest {
  @Test
  void allowsThePerSecondBudgetThenRefusesUntilTheNextSecond() {
    RateWindow window = new RateWindow();
    long start = 42;
    for (int i = 0; i < 5; i++) {
      assertThat(window.tryAcquire(5, start + i)).isTrue();
    }
    assertThat(window.tryAcquire(5, start + 999_999_999L)).isFalse();
    assertThat(window.tryAcquire(5, start + 1_000_000_000L)).isTrue();
  }
}
