package io.vask.gateway.cluster.nats;

import io.nats.client.impl.Headers;
import io.vask.gateway.cluster.ControlMessage;
import java.util.Optional;

/** Control messages as NATS headers (no body, no JSON). */
final class ControlCodec {
  private static final String TYPE = "Vask-Control";
  private static final String USER = "Vask-User";
  private static final String CHANNEL = "Vask-Channel";
  private static final String VALUE = "Vask-Value";

  private ControlCodec() {}

  static Headers encode(ControlMessage message) {
    Headers headers = new Headers();
    if (message instanceof ControlMessage.TerminateUser t) {
      headers.put(TYPE, "terminate").put(USER, Tokens.encode(t.userId()));
    } else if (message instanceof ControlMessage.UserStatus s) {
      headers
          .put(TYPE, "status")
          .put(USER, Tokens.encode(s.userId()))
          .put(VALUE, Boolean.toString(s.online()));
    } else if (message instanceof ControlMessage.SubscriptionCount c) {
      headers
          .put(TYPE, "count")
          .put(CHANNEL, Tokens.encode(c.channel()))
          .put(VALUE, Long.toString(c.count()));
    } else if (message instanceof ControlMessage.DebugWatch) {
      headers.put(TYPE, "debug");
    }
    return headers;
  }

  /** Empty for anything this version does not know (a newer node may send more kinds). */
  static Optional<ControlMessage> decode(String appId, Headers headers) {
    String type = headers.getFirst(TYPE);
    try {
      if ("terminate".equals(type)) {
        return Optional.of(
            new ControlMessage.TerminateUser(appId, Tokens.decode(headers.getFirst(USER))));
      } else if ("status".equals(type)) {
        return Optional.of(
            new ControlMessage.UserStatus(
                appId,
                Tokens.decode(headers.getFirst(USER)),
                Boolean.parseBoolean(headers.getFirst(VALUE))));
      } else if ("count".equals(type)) {
        return Optional.of(
            new ControlMessage.SubscriptionCount(
                appId,
                Tokens.decode(headers.getFirst(CHANNEL)),
                Long.parseLong(headers.getFirst(VALUE))));
      } else if ("debug".equals(type)) {
        return Optional.of(new ControlMessage.DebugWatch(appId));
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
