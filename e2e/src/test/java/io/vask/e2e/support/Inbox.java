package io.vask.e2e.support;

import static org.awaitility.Awaitility.await;

import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Everything pusher-java-client reports for one channel subscription: events in arrival order,
 * subscription success, presence members joining and leaving. Waits with Awaitility, never sleeps.
 */
public final class Inbox implements PresenceChannelEventListener {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final CountDownLatch subscribed = new CountDownLatch(1);
  private final List<PusherEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> joined = new CopyOnWriteArrayList<>();
  private final List<String> left = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private volatile Set<User> initialMembers = Set.of();

  @Override
  public void onSubscriptionSucceeded(String channelName) {
    subscribed.countDown();
  }

  @Override
  public void onEvent(PusherEvent event) {
    events.add(event);
  }

  @Override
  public void onAuthenticationFailure(String message, Exception e) {
    failures.add(message);
  }

  @Override
  public void onUsersInformationReceived(String channelName, Set<User> users) {
    initialMembers = Set.copyOf(users);
  }

  @Override
  public void userSubscribed(String channelName, User user) {
    joined.add(user.getId());
  }

  @Override
  public void userUnsubscribed(String channelName, User user) {
    left.add(user.getId());
  }

  public void awaitSubscribed() {
    try {
      if (!subscribed.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("not subscribed within " + WAIT + "; failures " + failures);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The first event matching {@code match}, waiting for it. */
  public PusherEvent awaitEvent(Predicate<PusherEvent> match) {
    await().atMost(WAIT).until(() -> events.stream().anyMatch(match));
    return events.stream().filter(match).findFirst().orElseThrow();
  }

  /** The first event with this name. */
  public PusherEvent awaitEvent(String name) {
    return awaitEvent(event -> name.equals(event.getEventName()));
  }

  public List<PusherEvent> events() {
    return List.copyOf(events);
  }

  public List<PusherEvent> events(String name) {
    List<PusherEvent> named = new ArrayList<>();
    events.forEach(
        event -> {
          if (name.equals(event.getEventName())) {
            named.add(event);
          }
        });
    return named;
  }

  public Set<User> initialMembers() {
    return initialMembers;
  }

  public List<String> joined() {
    return List.copyOf(joined);
  }

  public List<String> left() {
    return List.copyOf(left);
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }
}
