package io.vask.gateway.channel;

import io.vask.gateway.protocol.Frames;
import io.vask.gateway.protocol.PusherError;

/**
 * Why a subscribe was refused. Sent as Pusher's {@code pusher:error} (code null) followed by the
 * channel-scoped {@code pusher:subscription_error} that pusher-js surfaces (PROTOCOL.md §2.5). The
 * frame's soketi-style {@code type} and {@code status} follow from the kind of failure, chosen
 * here.
 */
record SubscriptionFailure(String channel, String type, PusherError.Message message, int status) {

  static SubscriptionFailure auth(String channel, PusherError.Message message) {
    return new SubscriptionFailure(channel, "AuthError", message, 401);
  }

  static SubscriptionFailure forbidden(String channel, PusherError.Message message) {
    return new SubscriptionFailure(channel, "AuthError", message, 403);
  }

  static SubscriptionFailure invalid(String channel, PusherError.Message message) {
    return new SubscriptionFailure(channel, "InvalidChannel", message, 400);
  }

  static SubscriptionFailure limit(String channel, PusherError.Message message) {
    return new SubscriptionFailure(channel, "LimitReached", message, 4100);
  }

  void sendTo(Session session) {
    session.sendError(message);
    if (channel != null) {
      session.send(Frames.subscriptionError(channel, type, message.message(), status));
    }
  }
}
