package io.vask.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The back-off of PROTOCOL.md §10.3: 1, 2, 4, 8, 16, 32, 60, 60 … s for 5 minutes. */
class WebhookRetryPolicyTest {

  @Test
  void pusherDelaysDoubleFromOneSecondUpToAMinute() {
    assertThat(IntStream.rangeClosed(1, 9).mapToObj(RetryPolicy.PUSHER::delay))
        .extracting(Duration::toSeconds)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    assertThat(RetryPolicy.PUSHER.span()).isEqualTo(Duration.ofMinutes(5));
    assertThat(RetryPolicy.PUSHER.timeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void veryLateRetriesStayAtTheMaximum() {
    assertThat(RetryPolicy.PUSHER.delay(1000)).isEqualTo(Duration.ofSeconds(60));
  }
}
