package io.vask.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backlog's bounds: bytes (oldest waiting evicted first) and requests in flight per target. */
class WebhookBacklogTest {
  private static final HttpRequest HTTP =
      HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/hook")).build();

  private final WebhookBacklog backlog = new WebhookBacklog(3000, 2);

  private Delivery delivery(String target, long due) {
    return new Delivery(target, HTTP, 0, 1000, backlog.nextSeq(), due);
  }

  @Test
  void pastTheByteBoundTheOldestWaitingRequestIsEvicted() {
    Delivery a = delivery("t", 0);
    Delivery b = delivery("t", 0);
    Delivery c = delivery("t", 0);
    Delivery d = delivery("t", 0);

    assertThat(backlog.add(a)).isEmpty();
    assertThat(backlog.add(b)).isEmpty();
    assertThat(backlog.add(c)).isEmpty();
    assertThat(backlog.add(d)).containsExactly(a);

    assertThat(backlog.bytes()).isEqualTo(3000);
    assertThat(backlog.requests()).isEqualTo(3);
    assertThat(backlog.take("t", 0)).isSameAs(b);
  }

  @Test
  void requestsInFlightStayAndTheNewOneGoesWhenNothingElseWaits() {
    WebhookBacklog tight = new WebhookBacklog(2000, 2);
    Delivery a = new Delivery("t", HTTP, 0, 1000, tight.nextSeq(), 0);
    Delivery b = new Delivery("t", HTTP, 0, 1000, tight.nextSeq(), 0);
    Delivery c = new Delivery("t", HTTP, 0, 1000, tight.nextSeq(), 0);
    tight.add(a);
    tight.add(b);
    tight.take("t", 0);
    tight.take("t", 0);

    assertThat(tight.add(c)).containsExactly(c);
    assertThat(tight.requests()).isEqualTo(2);
    assertThat(tight.bytes()).isEqualTo(2000);
  }

  @Test
  void atMostMaxInFlightPerTargetAreTakenAndOtherTargetsAreNotHeldUp() {
    for (int i = 0; i < 3; i++) {
      backlog.add(new Delivery("slow", HTTP, 0, 1, backlog.nextSeq(), 0));
    }
    backlog.add(new Delivery("other", HTTP, 0, 1, backlog.nextSeq(), 0));

    assertThat(backlog.take("slow", 0)).isNotNull();
    assertThat(backlog.take("slow", 0)).isNotNull();
    assertThat(backlog.take("slow", 0)).isNull();
    assertThat(backlog.nextDue("slow")).isEqualTo(-1);
    assertThat(backlog.take("other", 0)).isNotNull();
  }

  @Test
  void aRetryWaitsUntilItIsDueAndKeepsItsAge() {
    Delivery first = delivery("t", 0);
    backlog.add(first);
    Delivery taken = backlog.take("t", 0);
    backlog.retryAt(taken, 500);

    assertThat(backlog.take("t", 499)).isNull();
    assertThat(backlog.nextDue("t")).isEqualTo(500);
    backlog.add(delivery("t", 600));
    backlog.add(delivery("t", 600));
    assertThat(backlog.add(delivery("t", 600))).containsExactly(first);
  }

  @Test
  void aFinishedRequestFreesItsBytesAndItsSlot() {
    Delivery a = delivery("t", 0);
    backlog.add(a);
    backlog.finish(backlog.take("t", 0));

    assertThat(backlog.bytes()).isZero();
    assertThat(backlog.requests()).isZero();
    List<Delivery> none = backlog.add(delivery("t", 0));
    assertThat(none).isEmpty();
    assertThat(backlog.take("t", 0)).isNotNull();
  }
}
