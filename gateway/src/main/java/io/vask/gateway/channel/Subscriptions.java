package io.vask.gateway.channel;

import io.vask.contract.AppLimits;
import io.vask.contract.AppSettings;
import io.vask.gateway.app.AppRegistry;
import io.vask.gateway.cluster.ChannelCache;
import io.vask.gateway.cluster.ChannelEvent;
import io.vask.gateway.cluster.ClusterBus;
import io.vask.gateway.cluster.MemberJoin;
import io.vask.gateway.cluster.Membership;
import io.vask.gateway.console.DebugStream;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.ChannelType;
import io.vask.gateway.protocol.ClientMessage;
import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PresenceMember;
import io.vask.gateway.protocol.PusherError;
import io.vask.gateway.webhook.Webhooks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The subscribe and unsubscribe use cases (PROTOCOL.md §2, §6, §8). Runs on the session's loop;
 * cluster calls may complete later, so each continuation hops back to that loop and re-checks that
 * the subscription is still wanted.
 */
public final class Subscriptions {
  /** A guard against a client subscribing its way to unbounded server memory. */
  static final int MAX_SUBSCRIPTIONS_PER_CONNECTION = 1000;

  private final AppRegistry apps;
  private final ChannelRegistry registry;
  private final ClusterBus bus;
  private final Membership membership;
  private final ChannelCache cache;
  private final Webhooks webhooks;
  private final SubscriptionCounts counts;
  private final DebugStream debug;
  private final CacheMissGate cacheMisses = new CacheMissGate(60_000);

  public Subscriptions(
      AppRegistry apps,
      ChannelRegistry registry,
      ClusterBus bus,
      Membership membership,
      ChannelCache cache,
      Webhooks webhooks,
      SubscriptionCounts counts,
      DebugStream debug) {
    this.debug = debug;
    this.apps = apps;
    this.registry = registry;
    this.bus = bus;
    this.membership = membership;
    this.cache = cache;
    this.webhooks = webhooks;
    this.counts = counts;
  }

  public void subscribe(Session session, ClientMessage.Subscribe request) {
    Optional<AppSettings> app = apps.byId(session.appId());
    if (app.isEmpty()) {
      return;
    }
    Optional<ChannelName> parsed = ChannelName.parse(request.channel());
    if (parsed.isEmpty()) {
      SubscriptionFailure.invalid(
              request.channel(),
              PusherError.CHANNEL_NAME_INVALID.with(ChannelName.shortened(request.channel())))
          .sendTo(session);
      return;
    }
    ChannelName channel = parsed.get();
    if (session.subscription(channel.value()) != null) {
      session.sendError(PusherError.ALREADY_SUBSCRIBED.with(channel.value()));
      return;
    }
    if (session.subscriptions().size() >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
      SubscriptionFailure.limit(
              channel.value(),
              PusherError.TOO_MANY_SUBSCRIPTIONS.with(MAX_SUBSCRIPTIONS_PER_CONNECTION))
          .sendTo(session);
      return;
    }
    SubscribeAuthorizer.Decision decision =
        SubscribeAuthorizer.decide(app.get(), session, channel, request);
    if (decision instanceof SubscribeAuthorizer.Allowed allowed) {
      admit(session, channel, allowed.member());
    } else if (decision instanceof SubscribeAuthorizer.Refused refused) {
      refused.failure().sendTo(session);
    }
  }

  private void admit(Session session, ChannelName channel, PresenceMember member) {
    Subscription subscription = session.addSubscription(new Subscription(channel, member));
    if (channel.type() == ChannelType.USER) {
      subscription.activate();
      session.send(Frames.subscriptionSucceeded(channel.value()));
      return;
    }
    if (member == null) {
      join(session, subscription)
          .whenCompleteAsync(
              (confirmed, error) -> succeedIfWanted(session, subscription, null),
              session.transport().executor());
      return;
    }
    String appId = session.appId();
    boolean firstOnNode = registry.presenceIn(appId, channel.value(), member.userId());
    CompletionStage<MemberJoin> joined =
        firstOnNode
            ? membership.presence().memberJoined(appId, channel.value(), member, maxMembers(appId))
            : CompletableFuture.completedFuture(MemberJoin.ALREADY_PRESENT);
    joined.whenCompleteAsync(
        (outcome, error) -> afterMemberJoin(session, subscription, outcome, error),
        session.transport().executor());
  }

  private void afterMemberJoin(
      Session session, Subscription subscription, MemberJoin outcome, Throwable error) {
    String channel = subscription.channel().value();
    PresenceMember member = subscription.member();
    boolean stillWanted = session.isOpen() && session.subscription(channel) == subscription;
    if (error != null || outcome == MemberJoin.FULL || !stillWanted) {
      if (stillWanted) {
        session.removeSubscription(channel);
        (error != null
                ? SubscriptionFailure.invalid(channel, PusherError.PRESENCE_UNAVAILABLE.with())
                : SubscriptionFailure.limit(channel, PusherError.PRESENCE_FULL.with(channel)))
            .sendTo(session);
      }
      // a join the store took must be announced, so that its leave makes a consistent pair
      boolean taken = error == null && outcome != MemberJoin.FULL;
      if (taken) {
        announceMemberAdded(session, channel, member, outcome);
      }
      releasePresence(session.appId(), channel, member, taken);
      return;
    }
    CompletableFuture<Void> interest = join(session, subscription).toCompletableFuture();
    announceMemberAdded(session, channel, member, outcome);
    membership
        .presence()
        .members(session.appId(), channel)
        .toCompletableFuture()
        .exceptionally(failure -> null)
        .thenCombine(interest.exceptionally(failure -> null), (members, confirmed) -> members)
        .whenCompleteAsync(
            (members, failure) ->
                succeedIfWanted(
                    session,
                    subscription,
                    Frames.presenceSubscriptionSucceeded(
                        channel, members == null ? List.of(member) : members)),
            session.transport().executor());
  }

  /** ADDED: subscribers and webhooks; RETURNED (within the leave grace): subscribers only. */
  private void announceMemberAdded(
      Session session, String channel, PresenceMember member, MemberJoin outcome) {
    if (outcome != MemberJoin.ADDED && outcome != MemberJoin.RETURNED) {
      return;
    }
    publish(session.appId(), channel, Frames.memberAdded(channel, member), session.socketId());
    if (outcome == MemberJoin.ADDED) {
      app(session.appId()).ifPresent(a -> webhooks.memberAdded(a, channel, member.userId()));
    }
  }

  /**
   * Puts the session into the channel's subscriber set and reports node-level transitions. The
   * stage completes once other nodes' events of the channel reach this node (at once when it
   * already had subscribers of the channel).
   */
  private CompletionStage<Void> join(Session session, Subscription subscription) {
    String appId = session.appId();
    String channel = subscription.channel().value();
    int count = registry.join(session, channel);
    subscription.markJoined();
    CompletionStage<Void> interest = bus.addInterest(appId, channel);
    if (count == 1) {
      membership
          .occupancy()
          .channelJoined(appId, channel)
          .thenAccept(
              occupied -> {
                if (occupied) {
                  app(appId).ifPresent(a -> webhooks.channelOccupied(a, channel));
                }
              });
    }
    membership.counts().localSubscriptionCount(appId, channel, count);
    return interest;
  }

  private void succeedIfWanted(Session session, Subscription subscription, String presenceFrame) {
    if (session.isOpen() && session.subscription(subscription.channel().value()) == subscription) {
      succeed(session, subscription, presenceFrame);
    }
  }

  private void succeed(Session session, Subscription subscription, String presenceFrame) {
    ChannelName channel = subscription.channel();
    subscription.activate();
    debug.subscribed(session.appId(), channel.value(), session.socketId(), userId(subscription));
    session.send(
        presenceFrame != null ? presenceFrame : Frames.subscriptionSucceeded(channel.value()));
    if (channel.cached()) {
      replayCache(session, subscription);
    }
    counts.changed(session.appId(), channel);
  }

  private void replayCache(Session session, Subscription subscription) {
    String channel = subscription.channel().value();
    cache
        .get(session.appId(), channel)
        .whenCompleteAsync(
            (cached, error) -> {
              if (session.subscription(channel) != subscription) {
                return;
              }
              String appId = session.appId();
              if (cached != null && cached.isPresent()) {
                cacheMisses.populated(appId, channel);
                session.send(
                    Frames.event(cached.get().event(), channel, cached.get().data(), null));
                cacheMisses.populated(appId, channel);
              } else {
                session.send(Frames.cacheMiss(channel));
                if (cacheMisses.report(appId, channel, System.currentTimeMillis())) {
                  app(appId).ifPresent(a -> webhooks.cacheMiss(a, channel));
                }
              }
            },
            session.transport().executor());
  }

  public void unsubscribe(Session session, String channel) {
    Subscription subscription = session.removeSubscription(channel);
    if (subscription != null) {
      leave(session, subscription);
    }
  }

  /** Undoes every subscription of a closing session. */
  public void disconnect(Session session) {
    for (Subscription subscription : session.drainSubscriptions()) {
      leave(session, subscription);
    }
  }

  private void leave(Session session, Subscription subscription) {
    if (!subscription.joined()) {
      return; // a pending presence join cleans up after itself
    }
    String appId = session.appId();
    ChannelName channel = subscription.channel();
    int count = registry.leave(session, channel.value());
    debug.unsubscribed(appId, channel.value(), session.socketId(), userId(subscription));
    membership.counts().localSubscriptionCount(appId, channel.value(), count);
    if (subscription.member() != null) {
      releasePresence(appId, channel.value(), subscription.member(), true);
    }
    if (count == 0) {
      bus.removeInterest(appId, channel.value());
      // channel_vacated comes from the store's listener once the leave outlives its grace
      membership.occupancy().channelLeft(appId, channel.value());
    }
    counts.changed(appId, channel);
  }

  /**
   * Counts a presence connection out and, if it was the user's last anywhere, tells subscribers
   * (unless nobody was told the user had joined). The webhook follows from the store's listener.
   */
  private void releasePresence(
      String appId, String channel, PresenceMember member, boolean announce) {
    if (!registry.presenceOut(appId, channel, member.userId())) {
      return;
    }
    membership
        .presence()
        .memberLeft(appId, channel, member.userId())
        .thenAccept(
            left -> {
              if (left && announce) {
                publish(appId, channel, Frames.memberRemoved(channel, member.userId()), null);
              }
            });
  }

  private void publish(String appId, String channel, String frame, String exclude) {
    bus.publish(new ChannelEvent(appId, channel, frame.getBytes(StandardCharsets.UTF_8), exclude));
  }

  private static String userId(Subscription subscription) {
    return subscription.member() == null ? null : subscription.member().userId();
  }

  private int maxMembers(String appId) {
    return app(appId)
        .map(app -> app.limits().maxPresenceMembers())
        .orElse(AppLimits.DEFAULT_MAX_PRESENCE_MEMBERS);
  }

  private Optional<AppSettings> app(String appId) {
    return apps.byId(appId);
  }
}
