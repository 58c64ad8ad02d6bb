package io.vask.gateway.channel;

import com.fasterxml.jackson.databind.JsonNode;
import io.vask.contract.AppSettings;
import io.vask.contract.signing.Signatures;
import io.vask.gateway.protocol.ChannelName;
import io.vask.gateway.protocol.ClientMessage;
import io.vask.gateway.protocol.Json;
import io.vask.gateway.protocol.PresenceMember;
import io.vask.gateway.protocol.PusherError;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decides whether a subscribe is allowed (PROTOCOL.md §2–3, §5.2): checks the channel auth
 * signature for the channel type and works out the presence member. Pure: no state, no I/O.
 */
final class SubscribeAuthorizer {
  private SubscribeAuthorizer() {}

  /** The member to join as (presence), or nothing for other types. */
  sealed interface Decision {}

  record Allowed(PresenceMember member) implements Decision {}

  record Refused(SubscriptionFailure failure) implements Decision {}

  static Decision decide(
      AppSettings app, Session session, ChannelName channel, ClientMessage.Subscribe request) {
    String name = channel.value();
    return switch (channel.type()) {
      case PUBLIC -> new Allowed(null);
      case USER -> {
        SignedInUser user = session.user();
        yield user != null && user.id().equals(channel.userId())
            ? new Allowed(null)
            : new Refused(
                SubscriptionFailure.forbidden(name, PusherError.USER_CHANNEL_FORBIDDEN.with(name)));
      }
      case PRIVATE, ENCRYPTED ->
          checkSignature(app, name, request.auth(), session.socketId() + ":" + name)
              .<Decision>map(Refused::new)
              .orElse(new Allowed(null));
      case PRESENCE -> presence(app, session, name, request);
    };
  }

  private static Decision presence(
      AppSettings app, Session session, String name, ClientMessage.Subscribe request) {
    String channelData = request.channelData();
    if (channelData == null) {
      SignedInUser user = session.user();
      if (user == null) {
        return new Refused(
            SubscriptionFailure.invalid(name, PusherError.PRESENCE_NEEDS_USER.with(name)));
      }
      return checkSignature(app, name, request.auth(), session.socketId() + ":" + name)
          .<Decision>map(Refused::new)
          .orElseGet(() -> member(name, user.id(), user.userInfoJson()));
    }
    Optional<SubscriptionFailure> bad =
        checkSignature(
            app, name, request.auth(), session.socketId() + ":" + name + ":" + channelData);
    if (bad.isPresent()) {
      return new Refused(bad.get());
    }
    return parseMember(name, channelData);
  }

  private static Decision parseMember(String name, String channelData) {
    Optional<JsonNode> parsed = Json.parse(channelData).filter(JsonNode::isObject);
    JsonNode userId = parsed.map(n -> n.get("user_id")).orElse(null);
    if (userId == null
        || !(userId.isTextual() || userId.isIntegralNumber())
        || userId.asText().isEmpty()) {
      return new Refused(
          SubscriptionFailure.invalid(name, PusherError.CHANNEL_DATA_INVALID.with()));
    }
    JsonNode info = parsed.get().get("user_info");
    return member(name, userId.asText(), info == null || info.isNull() ? "{}" : Json.write(info));
  }

  /**
   * The member, within the limits on its id and info — the same whether it came from {@code
   * channel_data} or from the signed-in user.
   */
  private static Decision member(String name, String id, String infoJson) {
    if (id.length() > PresenceMember.MAX_USER_ID_LENGTH) {
      return new Refused(
          SubscriptionFailure.limit(
              name, PusherError.USER_ID_TOO_LONG.with(PresenceMember.MAX_USER_ID_LENGTH)));
    }
    if (infoJson.getBytes(StandardCharsets.UTF_8).length > PresenceMember.MAX_USER_INFO_BYTES) {
      return new Refused(
          SubscriptionFailure.limit(
              name, PusherError.USER_INFO_TOO_LARGE.with(PresenceMember.MAX_USER_INFO_BYTES)));
    }
    return new Allowed(new PresenceMember(id, infoJson));
  }

  /** Empty when {@code auth} is a valid signature of {@code toSign}; otherwise the failure. */
  private static Optional<SubscriptionFailure> checkSignature(
      AppSettings app, String channel, String auth, String toSign) {
    return switch (Signatures.checkAuth(auth, app.key(), app.secret(), toSign)) {
      case VALID -> Optional.empty();
      case MISSING ->
          Optional.of(SubscriptionFailure.auth(channel, PusherError.AUTH_MISSING.with(channel)));
      case MALFORMED ->
          Optional.of(SubscriptionFailure.auth(channel, PusherError.AUTH_MALFORMED.with()));
      case WRONG_KEY ->
          Optional.of(
              SubscriptionFailure.auth(
                  channel, PusherError.AUTH_WRONG_KEY.with(auth.substring(0, auth.indexOf(':')))));
      case BAD_SIGNATURE ->
          Optional.of(
              SubscriptionFailure.auth(
                  channel,
                  PusherError.AUTH_BAD_SIGNATURE.with(
                      toSign, auth.substring(auth.indexOf(':') + 1))));
    };
  }
}
